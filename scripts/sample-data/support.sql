-- Medha sample database "support": the customer support desk of a software company.
-- Load into an empty database:  psql -v ON_ERROR_STOP=1 -d support -f support.sql
-- Every value is derived from a fixed hash of row numbers (no random()), so each load is identical.

SET client_min_messages = warning;
SET TimeZone = 'UTC';

BEGIN;

-- Deterministic pseudo-random numbers in [0,1) for (salt, i): PostgreSQL's built-in seeded
-- 64-bit hash, which is stable across releases (hash partitioning depends on it). Unlike
-- random() it does not depend on evaluation order, so every load is identical.
CREATE FUNCTION pg_temp.rnd(salt int, i bigint) RETURNS double precision
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT (hashint8extended(i, salt) & 4294967295)::double precision / 4294967296.0 $$;

-- ---------------------------------------------------------------------------
CREATE TABLE teams (
  team_id     int PRIMARY KEY,
  name        text NOT NULL,
  description text
);
COMMENT ON TABLE teams IS 'Support teams (queues); each ticket is routed to an agent of one team.';
COMMENT ON COLUMN teams.team_id IS 'Identifier of the support team.';
COMMENT ON COLUMN teams.name IS 'Team name, e.g. Billing or Technical Support.';
COMMENT ON COLUMN teams.description IS 'What kind of requests the team handles.';

INSERT INTO teams VALUES
  (1, 'Billing', 'Invoices, refunds, payment methods and plan changes'),
  (2, 'Technical Support', 'Bugs, errors, integrations and how-to questions'),
  (3, 'Onboarding', 'Setup help for accounts in their first 90 days'),
  (4, 'Account Management', 'Access, users, permissions and renewals for larger accounts'),
  (5, 'Escalations', 'Outages and urgent issues that need senior engineers');

-- ---------------------------------------------------------------------------
CREATE TABLE agents (
  agent_id  int PRIMARY KEY,
  name      text NOT NULL,
  email     text,
  team_id   int REFERENCES teams (team_id),
  tier      text,
  hire_date date,
  is_active boolean
);
COMMENT ON TABLE agents IS 'Support agents (staff who answer tickets), one row per agent.';
COMMENT ON COLUMN agents.agent_id IS 'Identifier of the agent.';
COMMENT ON COLUMN agents.name IS 'Full name of the agent.';
COMMENT ON COLUMN agents.email IS 'Work e-mail address of the agent.';
COMMENT ON COLUMN agents.team_id IS 'Team the agent works in (references teams).';
COMMENT ON COLUMN agents.tier IS 'Support level: Tier 1 (first line), Tier 2 (specialist) or Tier 3 (senior engineer).';
COMMENT ON COLUMN agents.hire_date IS 'Date the agent joined the support organization.';
COMMENT ON COLUMN agents.is_active IS 'False when the agent has left the company; their old tickets stay assigned to them.';

WITH n AS (
  SELECT ARRAY['Alex','Sam','Jordan','Taylor','Morgan','Casey','Riley','Jamie','Avery','Quinn',
               'Noah','Emma','Liam','Olivia','Mia','Lucas','Sofia','Arjun','Mei','Omar'] AS first,
         ARRAY['Novak','Silva','Kim','Okafor','Rossi','Muller','Tanaka','Dubois','Kowalski','Haddad',
               'Larsen','Moreau','Singh','Ivanova','Costa','Nguyen','Brennan','Walsh','Sato','Ortiz'] AS last
)
INSERT INTO agents
SELECT i,
       n.first[1 + (i * 7) % 20] || ' ' || n.last[1 + (i * 13) % 20],
       lower(n.first[1 + (i * 7) % 20] || '.' || n.last[1 + (i * 13) % 20]) || '@support.example.com',
       CASE WHEN i <= 4 THEN 1 WHEN i <= 18 THEN 2 WHEN i <= 23 THEN 3 WHEN i <= 29 THEN 4 ELSE 5 END,
       CASE WHEN i > 29 THEN 'Tier 3'
            WHEN pg_temp.rnd(1, i) < 0.55 THEN 'Tier 1'
            WHEN pg_temp.rnd(1, i) < 0.85 THEN 'Tier 2' ELSE 'Tier 3' END,
       date '2018-03-01' + floor(2200 * pg_temp.rnd(2, i))::int,
       pg_temp.rnd(3, i) >= 0.12
FROM generate_series(1, 34) i CROSS JOIN n
ORDER BY i;

-- ---------------------------------------------------------------------------
CREATE TABLE accounts (
  account_id int PRIMARY KEY,
  name       text NOT NULL,
  plan       text,
  industry   text,
  country    text,
  created_at date
);
COMMENT ON TABLE accounts IS 'Customer accounts (companies using our product) that open support tickets.';
COMMENT ON COLUMN accounts.account_id IS 'Identifier of the customer account.';
COMMENT ON COLUMN accounts.name IS 'Company name of the customer account.';
COMMENT ON COLUMN accounts.plan IS 'Subscription plan: Free, Pro or Enterprise; Enterprise accounts have a response-time SLA.';
COMMENT ON COLUMN accounts.industry IS 'Industry of the customer company.';
COMMENT ON COLUMN accounts.country IS 'Country of the customer''s headquarters.';
COMMENT ON COLUMN accounts.created_at IS 'Date the customer account was created.';

WITH w AS (
  SELECT ARRAY['Acme','Globex','Initech','Umbrella','Stark','Wayne','Hooli','Vandelay','Soylent','Wonka',
               'Cyberdyne','Tyrell','Aperture','Gringotts','Monarch','Oscorp','Pied Piper','Massive','Nakatomi','Duff'] AS a,
         ARRAY['Labs','Logistics','Health','Foods','Media','Systems','Bank','Retail','Energy','Studios','Partners','Motors'] AS b,
         ARRAY['Software','Retail','Healthcare','Finance','Manufacturing','Education','Media','Logistics'] AS ind,
         ARRAY['United States','United States','United States','United Kingdom','Germany','France','Canada',
               'India','Brazil','Japan','Australia','Netherlands'] AS ctry
)
INSERT INTO accounts
SELECT i,
       w.a[1 + (i - 1) % 20] || ' ' || w.b[1 + ((i - 1) / 20) % 12],
       CASE WHEN pg_temp.rnd(11, i) < 0.45 THEN 'Free' WHEN pg_temp.rnd(11, i) < 0.85 THEN 'Pro' ELSE 'Enterprise' END,
       w.ind[1 + floor(8 * pg_temp.rnd(12, i))::int],
       w.ctry[1 + floor(12 * pg_temp.rnd(13, i))::int],
       date '2019-01-01' + floor(1800 * pg_temp.rnd(14, i))::int
FROM generate_series(1, 240) i CROSS JOIN w
ORDER BY i;

-- ---------------------------------------------------------------------------
CREATE TABLE tickets (
  ticket_id   int PRIMARY KEY,
  account_id  int NOT NULL REFERENCES accounts (account_id),
  agent_id    int REFERENCES agents (agent_id),
  subject     text,
  category    text,
  priority    text,
  status      text,
  channel     text,
  created_at  timestamp,
  resolved_at timestamp
);
COMMENT ON TABLE tickets IS 'Support tickets (cases, requests): one row per issue raised by a customer account.';
COMMENT ON COLUMN tickets.ticket_id IS 'Identifier of the ticket (case number).';
COMMENT ON COLUMN tickets.account_id IS 'Customer account that raised the ticket (references accounts).';
COMMENT ON COLUMN tickets.agent_id IS 'Agent the ticket is assigned to (references agents); NULL while unassigned.';
COMMENT ON COLUMN tickets.subject IS 'Short summary of the issue written by the customer.';
COMMENT ON COLUMN tickets.category IS 'Issue type: billing, bug, how-to, feature request, outage or account access.';
COMMENT ON COLUMN tickets.priority IS 'Urgency: low, normal, high or urgent.';
COMMENT ON COLUMN tickets.status IS 'Lifecycle state: open (not answered), pending (waiting on the customer), resolved (fix given) or closed (confirmed done).';
COMMENT ON COLUMN tickets.channel IS 'How the ticket came in: email, chat, phone or web form.';
COMMENT ON COLUMN tickets.created_at IS 'When the ticket was opened (UTC).';
COMMENT ON COLUMN tickets.resolved_at IS 'When the ticket was resolved (UTC); NULL while open or pending. Resolution time is resolved_at minus created_at.';

WITH base AS (
  SELECT i AS ticket_id,
         -- larger accounts raise more tickets
         1 + floor(240 * power(pg_temp.rnd(21, i), 1.5))::int AS account_id,
         -- two years of tickets, 2023-01-01 .. 2024-12-31, with some jitter
         timestamp '2023-01-01 00:00'
           + interval '1 minute' * round((i - 1) * (730.0 * 24 * 60 / 4200) + 240 * pg_temp.rnd(22, i)) AS created_at,
         pg_temp.rnd(23, i) AS ucat,
         pg_temp.rnd(24, i) AS upri,
         pg_temp.rnd(25, i) AS uchan,
         pg_temp.rnd(26, i) AS ustat,
         pg_temp.rnd(27, i) AS usub
  FROM generate_series(1, 4200) i
), typed AS (
  SELECT b.*,
         CASE WHEN ucat < 0.22 THEN 'billing' WHEN ucat < 0.47 THEN 'bug' WHEN ucat < 0.72 THEN 'how-to'
              WHEN ucat < 0.84 THEN 'feature request' WHEN ucat < 0.90 THEN 'outage' ELSE 'account access' END AS category,
         CASE WHEN upri < 0.25 THEN 'low' WHEN upri < 0.70 THEN 'normal' WHEN upri < 0.92 THEN 'high' ELSE 'urgent' END AS priority
  FROM base b
)
INSERT INTO tickets
SELECT t.ticket_id,
       t.account_id,
       CASE WHEN t.created_at > timestamp '2024-12-28' AND t.ustat < 0.5 THEN NULL
            ELSE (CASE t.category WHEN 'billing' THEN 1 + floor(4 * pg_temp.rnd(28, t.ticket_id))::int
                                  WHEN 'outage' THEN 30 + floor(5 * pg_temp.rnd(28, t.ticket_id))::int
                                  WHEN 'account access' THEN 24 + floor(6 * pg_temp.rnd(28, t.ticket_id))::int
                                  ELSE 5 + floor(19 * pg_temp.rnd(28, t.ticket_id))::int END) END,
       (CASE t.category
          WHEN 'billing' THEN (ARRAY['Charged twice this month','Need a copy of my invoice','Refund request','Update credit card','Question about plan pricing'])
          WHEN 'bug' THEN (ARRAY['Export fails with an error','Dashboard does not load','Sync stops after update','Wrong totals in report','App crashes on login'])
          WHEN 'how-to' THEN (ARRAY['How do I invite my team?','How to connect our CRM','Setting up single sign-on','How to schedule a report','Where can I change my timezone?'])
          WHEN 'feature request' THEN (ARRAY['Please add dark mode','Request: Excel export','Support for custom fields','API rate limit increase','More chart types'])
          WHEN 'outage' THEN (ARRAY['Service unavailable','Site is down for all users','API returns 503','Very slow responses','Cannot reach the app'])
          ELSE (ARRAY['Locked out of my account','Password reset email not arriving','Need admin rights','Two-factor device lost','Remove a former employee'])
        END)[1 + floor(5 * t.usub)::int],
       t.category,
       t.priority,
       CASE WHEN t.created_at > timestamp '2024-12-20' THEN
              (CASE WHEN t.ustat < 0.45 THEN 'open' WHEN t.ustat < 0.70 THEN 'pending' ELSE 'resolved' END)
            WHEN t.ustat < 0.01 THEN 'pending'
            WHEN t.ustat < 0.35 THEN 'resolved'
            ELSE 'closed' END,
       CASE WHEN t.uchan < 0.40 THEN 'email' WHEN t.uchan < 0.70 THEN 'chat' WHEN t.uchan < 0.85 THEN 'phone' ELSE 'web' END,
       t.created_at,
       NULL
FROM typed t
ORDER BY t.ticket_id;

-- Resolution time depends on priority (urgent tickets are fixed fastest) and category.
UPDATE tickets SET resolved_at = created_at
  + interval '1 minute' * round(60 * (CASE priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 10 WHEN 'normal' THEN 26 ELSE 50 END)
                                   * (CASE category WHEN 'bug' THEN 1.6 WHEN 'feature request' THEN 2.5 WHEN 'outage' THEN 0.5 ELSE 1.0 END)
                                   * (0.2 + 1.8 * power(pg_temp.rnd(29, ticket_id), 2)))
WHERE status IN ('resolved', 'closed');

-- ---------------------------------------------------------------------------
CREATE TABLE ticket_comments (
  comment_id  int PRIMARY KEY,
  ticket_id   int NOT NULL REFERENCES tickets (ticket_id),
  author_type text,
  agent_id    int REFERENCES agents (agent_id),
  created_at  timestamp,
  body        text
);
COMMENT ON TABLE ticket_comments IS 'Messages exchanged on a ticket between the customer and the support agents (replies, notes).';
COMMENT ON COLUMN ticket_comments.comment_id IS 'Identifier of the comment.';
COMMENT ON COLUMN ticket_comments.ticket_id IS 'Ticket the comment belongs to (references tickets).';
COMMENT ON COLUMN ticket_comments.author_type IS 'Who wrote it: agent or customer.';
COMMENT ON COLUMN ticket_comments.agent_id IS 'Agent who wrote the comment (references agents); NULL for customer messages.';
COMMENT ON COLUMN ticket_comments.created_at IS 'When the comment was posted (UTC). The first agent comment marks the first response.';
COMMENT ON COLUMN ticket_comments.body IS 'Text of the comment.';

WITH c AS (
  SELECT t.ticket_id, t.agent_id, t.created_at, t.resolved_at, k,
         -- agents answer on even steps, customers on odd ones
         CASE WHEN k % 2 = 1 AND t.agent_id IS NOT NULL THEN 'agent' ELSE 'customer' END AS author_type
  FROM tickets t
  CROSS JOIN LATERAL generate_series(1, 1 + floor(4 * pg_temp.rnd(31, t.ticket_id))::int) k
)
INSERT INTO ticket_comments
SELECT row_number() OVER (ORDER BY c.ticket_id, c.k)::int,
       c.ticket_id,
       c.author_type,
       CASE WHEN c.author_type = 'agent' THEN c.agent_id END,
       c.created_at + interval '1 minute' * round(c.k * (20 + 400 * pg_temp.rnd(32, c.ticket_id * 8 + c.k))),
       CASE WHEN c.author_type = 'agent'
            THEN (ARRAY['Thanks for reaching out, we are looking into it.','Could you send us a screenshot?',
                        'This is fixed now, please confirm.','I have escalated this to our engineers.',
                        'Here is a link to the relevant help article.'])[1 + floor(5 * pg_temp.rnd(33, c.ticket_id * 8 + c.k))::int]
            ELSE (ARRAY['Any update on this?','Screenshot attached.','Thanks, that worked!',
                        'Still seeing the problem.','This is blocking our team.'])[1 + floor(5 * pg_temp.rnd(33, c.ticket_id * 8 + c.k))::int]
       END
FROM c
ORDER BY 1;

-- ---------------------------------------------------------------------------
CREATE TABLE satisfaction_ratings (
  rating_id int PRIMARY KEY,
  ticket_id int NOT NULL UNIQUE REFERENCES tickets (ticket_id),
  score     int CHECK (score BETWEEN 1 AND 5),
  comment   text,
  rated_at  timestamp
);
COMMENT ON TABLE satisfaction_ratings IS 'Customer satisfaction (CSAT) survey answers, at most one per resolved ticket.';
COMMENT ON COLUMN satisfaction_ratings.rating_id IS 'Identifier of the survey answer.';
COMMENT ON COLUMN satisfaction_ratings.ticket_id IS 'Ticket that was rated (references tickets).';
COMMENT ON COLUMN satisfaction_ratings.score IS 'Satisfaction score from 1 (very unhappy) to 5 (very happy); 4 and 5 count as satisfied.';
COMMENT ON COLUMN satisfaction_ratings.comment IS 'Optional free-text feedback from the customer.';
COMMENT ON COLUMN satisfaction_ratings.rated_at IS 'When the customer answered the survey (UTC).';

WITH r AS (
  SELECT t.ticket_id, t.resolved_at,
         -- slow resolutions get lower scores
         greatest(1, least(5, round(4.6 - extract(epoch FROM t.resolved_at - t.created_at) / 86400.0 * 0.35
                                    - 1.5 * pg_temp.rnd(42, t.ticket_id) + 0.6))::int) AS score
  FROM tickets t
  WHERE t.resolved_at IS NOT NULL AND pg_temp.rnd(41, t.ticket_id) < 0.55
)
INSERT INTO satisfaction_ratings
SELECT row_number() OVER (ORDER BY r.ticket_id)::int,
       r.ticket_id,
       r.score,
       CASE WHEN pg_temp.rnd(43, r.ticket_id) < 0.6 THEN NULL
            ELSE (ARRAY['Very slow to respond.','Problem not really solved.','OK, but took a while.',
                        'Helpful agent.','Great, fast and friendly support!'])[r.score] END,
       r.resolved_at + interval '1 hour' * round(1 + 47 * pg_temp.rnd(44, r.ticket_id))
FROM r
ORDER BY 1;

CREATE INDEX agents_team_id_idx ON agents (team_id);
CREATE INDEX tickets_account_id_idx ON tickets (account_id);
CREATE INDEX tickets_agent_id_idx ON tickets (agent_id);
CREATE INDEX tickets_created_at_idx ON tickets (created_at);
CREATE INDEX ticket_comments_ticket_id_idx ON ticket_comments (ticket_id);
CREATE INDEX ticket_comments_agent_id_idx ON ticket_comments (agent_id);

COMMIT;

ANALYZE;
