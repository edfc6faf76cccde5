-- B2B software company: customer accounts, staff, plans, subscriptions, invoices, payments, account users, daily feature usage and support tickets

CREATE TABLE staff (
  staff_id   integer PRIMARY KEY,
  first_name text NOT NULL,
  last_name  text NOT NULL,
  email      text NOT NULL UNIQUE,
  role       text NOT NULL,
  team       text NOT NULL,
  hired_on   date NOT NULL
);

CREATE TABLE plans (
  plan_id       integer PRIMARY KEY,
  name          text NOT NULL UNIQUE,
  tier          smallint NOT NULL,
  monthly_price numeric(8,2) NOT NULL,
  max_seats     integer
);
COMMENT ON COLUMN plans.monthly_price IS 'List price per seat per month, USD';
COMMENT ON COLUMN plans.max_seats IS 'NULL = unlimited';

CREATE TABLE accounts (
  account_id         integer PRIMARY KEY,
  company_name       text NOT NULL,
  industry           text NOT NULL,
  country            text NOT NULL,
  created_at         timestamp NOT NULL,
  account_manager_id integer REFERENCES staff(staff_id),
  employees          integer
);
COMMENT ON COLUMN accounts.account_manager_id IS 'Sales rep who owns the relationship';

CREATE TABLE subscriptions (
  subscription_id integer PRIMARY KEY,
  account_id      integer NOT NULL REFERENCES accounts(account_id),
  plan_id         integer NOT NULL REFERENCES plans(plan_id),
  started_on      date NOT NULL,
  ended_on        date,
  seats           integer NOT NULL,
  status          text NOT NULL CHECK (status IN ('trialing','active','past_due','cancelled'))
);

CREATE TABLE invoices (
  invoice_id      integer PRIMARY KEY,
  account_id      integer NOT NULL REFERENCES accounts(account_id),
  subscription_id integer NOT NULL REFERENCES subscriptions(subscription_id),
  issued_on       date NOT NULL,
  due_on          date NOT NULL,
  amt             numeric(10,2) NOT NULL,
  status          text NOT NULL CHECK (status IN ('paid','open','void'))
);

CREATE TABLE payments (
  payment_id integer PRIMARY KEY,
  invoice_id integer NOT NULL REFERENCES invoices(invoice_id),
  paid_at    timestamp NOT NULL,
  amt        numeric(10,2) NOT NULL,
  method     text NOT NULL
);

CREATE TABLE users (
  user_id       integer PRIMARY KEY,
  account_id    integer NOT NULL REFERENCES accounts(account_id),
  email         text NOT NULL UNIQUE,
  role          text NOT NULL CHECK (role IN ('owner','admin','member','viewer')),
  created_at    timestamp NOT NULL,
  last_login_at timestamp
);

CREATE TABLE feature_usage (
  usage_date date NOT NULL,
  account_id integer NOT NULL REFERENCES accounts(account_id),
  feature    text NOT NULL,
  events     integer NOT NULL,
  PRIMARY KEY (usage_date, account_id, feature)
);
COMMENT ON TABLE feature_usage IS 'Daily event counts per account and feature, 2025 only';

CREATE TABLE support_tickets (
  ticket_id   integer PRIMARY KEY,
  account_id  integer NOT NULL REFERENCES accounts(account_id),
  opened_at   timestamp NOT NULL,
  closed_at   timestamp,
  priority    text NOT NULL CHECK (priority IN ('low','normal','high','urgent')),
  category    text NOT NULL,
  subject     text NOT NULL,
  assignee_id integer REFERENCES staff(staff_id)
);

INSERT INTO staff (staff_id, first_name, last_name, email, role, team, hired_on) VALUES
 (1,'Rachel','Greenberg','rachel.greenberg@corp.example','Account Executive','Sales','2021-02-01'),
 (2,'Marco','Bianchi','marco.bianchi@corp.example','Account Executive','Sales','2021-08-16'),
 (3,'Danielle','Ortiz','danielle.ortiz@corp.example','Account Manager','Sales','2022-01-10'),
 (4,'Kenji','Watanabe','kenji.watanabe@corp.example','Account Manager','Sales','2022-06-06'),
 (5,'Sarah','Oduya','sarah.oduya@corp.example','Sales Director','Sales','2020-09-01'),
 (6,'Tom','Brennan','tom.brennan@corp.example','Support Engineer','Support','2021-05-03'),
 (7,'Ana','Lopes','ana.lopes@corp.example','Support Engineer','Support','2022-03-14'),
 (8,'Victor','Chen','victor.chen@corp.example','Support Lead','Support','2020-11-02'),
 (9,'Ingrid','Berg','ingrid.berg@corp.example','Support Engineer','Support','2023-07-17'),
 (10,'Lewis','Mensah','lewis.mensah@corp.example','Account Executive','Sales','2024-03-04'),
 (11,'Priya','Nair','priya.nair@corp.example','Solutions Engineer','Sales','2023-01-09');

INSERT INTO plans (plan_id, name, tier, monthly_price, max_seats) VALUES
 (1,'Starter',1,12.00,10),(2,'Team',2,25.00,50),(3,'Business',3,45.00,250),(4,'Enterprise',4,80.00,NULL);

-- 260 accounts created 2023-01 .. 2025-10; a few have no account manager yet.
INSERT INTO accounts (account_id, company_name, industry, country, created_at, account_manager_id, employees)
SELECT a,
       (ARRAY['Acme','Bluefin','Cobalt','Driftwood','Ember','Falcon','Granite','Harbor','Ironclad','Juniper','Kestrel','Lumen','Meridian','Northwind','Orchid','Pinnacle','Quarry','Redwood','Summit','Tidewater'])[1 + (a - 1) % 20]
       || ' ' || (ARRAY['Labs','Logistics','Health','Partners','Foods','Capital','Retail','Systems','Studios','Energy','Legal','Analytics','Works'])[1 + ((a - 1) / 20) % 13],
       (ARRAY['Software','Software','Retail','Healthcare','Financial Services','Logistics','Manufacturing','Education','Media','Software','Retail','Healthcare','Professional Services'])[1 + (a * 7) % 13],
       (ARRAY['United States','United States','United States','United States','United Kingdom','United Kingdom','Germany','Canada','France','Netherlands','Australia','United States','Ireland','Spain'])[1 + (a * 5) % 14],
       timestamp '2023-01-03 10:00' + make_interval(days => (a * 1030) / 260, mins => (a * 97) % 480),
       CASE WHEN a % 31 = 0 THEN NULL ELSE (ARRAY[1,1,1,2,2,3,3,3,3,4,4,10,5])[1 + (a * 11) % 13] END,
       CASE WHEN a % 9 = 0 THEN NULL ELSE 5 + floor(4000 * power(((a * 37) % 260) / 260.0, 3))::int END
FROM generate_series(1, 260) AS a;

-- Each account's first subscription; one in five later moved up a plan (second row);
-- one in seven churned (cancelled, ended). Seats are skewed: most accounts are small.
INSERT INTO subscriptions (subscription_id, account_id, plan_id, started_on, ended_on, seats, status)
SELECT a.account_id, a.account_id,
       CASE WHEN s.seats > 100 THEN 4 WHEN s.seats > 30 THEN 3 WHEN s.seats > 8 THEN 2 ELSE 1 END
         - CASE WHEN a.account_id % 5 = 0 AND s.seats > 8 THEN 1 ELSE 0 END,
       a.created_at::date + 14,
       CASE WHEN a.account_id % 5 = 0 AND a.created_at < timestamp '2025-03-01' THEN a.created_at::date + 14 + 180
            WHEN a.account_id % 7 = 3 AND a.created_at < timestamp '2025-03-01' THEN a.created_at::date + 14 + 120 + (a.account_id * 13) % 300
            END,
       s.seats,
       CASE WHEN a.account_id % 5 = 0 AND a.created_at < timestamp '2025-03-01' THEN 'cancelled'
            WHEN a.account_id % 7 = 3 AND a.created_at < timestamp '2025-03-01' THEN 'cancelled'
            WHEN a.created_at >= timestamp '2025-10-01' THEN 'trialing'
            WHEN a.account_id % 23 = 4 THEN 'past_due'
            ELSE 'active' END
FROM accounts a
CROSS JOIN LATERAL (SELECT 2 + floor(300 * power(((a.account_id * 53) % 260) / 260.0, 4))::int AS seats) s;

INSERT INTO subscriptions (subscription_id, account_id, plan_id, started_on, ended_on, seats, status)
SELECT 1000 + s.account_id, s.account_id, s.plan_id + 1, s.ended_on, NULL, s.seats + 3 + s.account_id % 11,
       CASE WHEN s.account_id % 23 = 4 THEN 'past_due' ELSE 'active' END
FROM subscriptions s
WHERE s.account_id % 5 = 0 AND s.ended_on IS NOT NULL AND s.plan_id < 4;

-- Monthly invoices from the start of a paid subscription to its end or 2025-11-30.
INSERT INTO invoices (invoice_id, account_id, subscription_id, issued_on, due_on, amt, status)
SELECT row_number() OVER (ORDER BY issued, s.subscription_id), s.account_id, s.subscription_id,
       issued, issued + 30,
       s.seats * p.monthly_price * CASE WHEN s.seats >= 100 THEN 0.85 ELSE 1 END,
       'paid'
FROM subscriptions s
JOIN plans p USING (plan_id)
CROSS JOIN LATERAL generate_series(s.started_on, coalesce(s.ended_on - 1, date '2025-11-30'), interval '1 month') AS g(m)
CROSS JOIN LATERAL (SELECT g.m::date AS issued) i
WHERE s.status <> 'trialing';

UPDATE invoices SET status = 'void' WHERE invoice_id % 47 = 0;
UPDATE invoices SET status = 'open'
WHERE status = 'paid' AND (issued_on >= date '2025-11-01' OR invoice_id % 29 = 0
      OR (account_id % 23 = 4 AND issued_on >= date '2025-09-01'));

-- Paid invoices have one payment, large ones paid by wire or ACH; one in eleven was paid in two parts.
INSERT INTO payments (payment_id, invoice_id, paid_at, amt, method)
SELECT row_number() OVER (ORDER BY paid_at, invoice_id, part), invoice_id, paid_at, amt, method
FROM (
  SELECT invoice_id, 1 AS part,
         issued_on + make_interval(days => 1 + (invoice_id * 7) % 27, hours => 9 + invoice_id % 8) AS paid_at,
         CASE WHEN invoice_id % 11 = 0 THEN round(amt / 2, 2) ELSE amt END AS amt,
         CASE WHEN amt >= 2000 THEN (ARRAY['wire','ach'])[1 + invoice_id % 2]
              ELSE (ARRAY['card','card','card','ach'])[1 + invoice_id % 4] END AS method
  FROM invoices WHERE status = 'paid'
  UNION ALL
  SELECT invoice_id, 2,
         issued_on + make_interval(days => 29, hours => 15),
         amt - round(amt / 2, 2),
         CASE WHEN amt >= 2000 THEN 'wire' ELSE 'card' END
  FROM invoices WHERE status = 'paid' AND invoice_id % 11 = 0
) x;

-- Users: roughly a third of the seats have a login; every account has one owner.
INSERT INTO users (user_id, account_id, email, role, created_at, last_login_at)
SELECT row_number() OVER (ORDER BY s.account_id, n), s.account_id,
       (ARRAY['alex','sam','jordan','casey','taylor','morgan','riley','jamie','drew','quinn','avery','robin'])[1 + (n * 7 + s.account_id) % 12]
         || n || '@' || lower(replace(a.company_name, ' ', '')) || s.account_id || '.example',
       CASE WHEN n = 1 THEN 'owner' WHEN n % 9 = 2 THEN 'admin' WHEN n % 4 = 3 THEN 'viewer' ELSE 'member' END,
       a.created_at + make_interval(days => (n * 3) % 90, hours => n % 10),
       CASE WHEN (n * 13 + s.account_id) % 8 = 0 THEN NULL
            WHEN s.ended_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM subscriptions s2 WHERE s2.account_id = s.account_id AND s2.ended_on IS NULL)
              THEN s.ended_on - make_interval(days => (n * 5) % 40)
            ELSE timestamp '2025-11-30 18:00' - make_interval(days => (n * 17 + s.account_id) % 200, mins => (n * 31) % 600) END
FROM subscriptions s
JOIN accounts a USING (account_id)
CROSS JOIN LATERAL generate_series(1, 1 + s.seats / 3) AS n
WHERE s.subscription_id < 1000;

-- 2025 usage, every third day, for accounts with a live subscription on that day.
INSERT INTO feature_usage (usage_date, account_id, feature, events)
SELECT d::date, s.account_id, f.feature,
       1 + (s.seats * f.weight * (1 + (s.account_id + extract(doy FROM d)::int) % 5)) / 4
FROM subscriptions s
CROSS JOIN generate_series(date '2025-01-01', date '2025-11-30', interval '3 days') AS d
CROSS JOIN (VALUES ('dashboards',6),('reports',3),('api_calls',20),('exports',1),('alerts',2)) AS f(feature, weight)
WHERE d::date >= s.started_on AND (s.ended_on IS NULL OR d::date < s.ended_on)
  AND (f.feature <> 'api_calls' OR s.plan_id >= 3)
  AND (f.feature <> 'alerts' OR s.account_id % 3 = 0);

-- Support tickets skew towards big accounts; the newest are still open.
INSERT INTO support_tickets (ticket_id, account_id, opened_at, closed_at, priority, category, subject, assignee_id)
SELECT t, acc, op,
       CASE WHEN op >= timestamp '2025-11-20' OR t % 37 = 0 THEN NULL
            ELSE op + make_interval(hours => 1 + (t * 13) % (CASE WHEN pr = 'urgent' THEN 12 WHEN pr = 'high' THEN 48 ELSE 160 END)) END,
       pr, cat,
       CASE cat WHEN 'billing' THEN 'Question about invoice' WHEN 'bug' THEN 'Dashboard not loading'
                WHEN 'how-to' THEN 'How do I set up reports' WHEN 'integration' THEN 'API sync failing'
                ELSE 'Cannot log in' END,
       CASE WHEN t % 19 = 0 THEN NULL ELSE (ARRAY[6,6,7,7,7,8,9,9])[1 + (t * 5) % 8] END
FROM generate_series(1, 1800) AS t
CROSS JOIN LATERAL (SELECT
   1 + floor(259 * power(((t * 977) % 1800) / 1800.0, 2.2))::int AS acc0,
   (ARRAY['normal','normal','normal','low','low','high','high','urgent','normal','low'])[1 + (t * 3) % 10] AS pr,
   (ARRAY['how-to','how-to','bug','bug','billing','integration','how-to','access','bug','billing','integration'])[1 + (t * 7) % 11] AS cat) x
CROSS JOIN LATERAL (SELECT ((acc0 * 53) % 260) + 1 AS acc) y
JOIN accounts a ON a.account_id = y.acc
CROSS JOIN LATERAL (SELECT greatest(a.created_at + interval '20 days',
                                    timestamp '2023-02-01 08:00' + make_interval(days => (t * 1030) / 1800, mins => (t * 53) % 600)) AS op) z
WHERE op < timestamp '2025-12-01';
