-- Insurance operations: branches and their staff, policyholders, products, policies sold by agents,
-- premium instalments, claims handled by adjusters and the payouts made on them (2022-2025)

CREATE TABLE branches (
  branch_id   integer PRIMARY KEY,
  branch_name text NOT NULL UNIQUE,
  city        text NOT NULL,
  region      text NOT NULL
);

CREATE TABLE agents (
  agent_id   integer PRIMARY KEY,
  first_name text NOT NULL,
  last_name  text NOT NULL,
  job_title  text NOT NULL CHECK (job_title IN ('branch manager','sales agent','claims adjuster')),
  branch_id  integer NOT NULL REFERENCES branches(branch_id),
  hired_on   date NOT NULL,
  manager_id integer REFERENCES agents(agent_id)
);
COMMENT ON TABLE agents IS 'All staff: sales agents, claims adjusters and branch managers';

CREATE TABLE policyholders (
  holder_id  integer PRIMARY KEY,
  first_name text NOT NULL,
  last_name  text NOT NULL,
  dob        date NOT NULL,
  city       text NOT NULL,
  segment    text NOT NULL CHECK (segment IN ('retail','business')),
  email      text
);

CREATE TABLE products (
  product_id   integer PRIMARY KEY,
  product_name text NOT NULL UNIQUE,
  line         text NOT NULL CHECK (line IN ('auto','home','life','travel')),
  base_premium numeric(9,2) NOT NULL
);
COMMENT ON COLUMN products.line IS 'Line of business';

CREATE TABLE policies (
  policy_id      integer PRIMARY KEY,
  policy_no      text NOT NULL UNIQUE,
  holder_id      integer NOT NULL REFERENCES policyholders(holder_id),
  product_id     integer NOT NULL REFERENCES products(product_id),
  sold_by        integer NOT NULL REFERENCES agents(agent_id),
  start_date     date NOT NULL,
  end_date       date NOT NULL,
  cancelled_on   date,
  annual_premium numeric(10,2) NOT NULL,
  status         text NOT NULL CHECK (status IN ('active','expired','lapsed','cancelled'))
);
COMMENT ON COLUMN policies.sold_by IS 'Agent who sold the policy';
COMMENT ON COLUMN policies.status IS 'lapsed = instalments stopped being paid';

CREATE TABLE premium_payments (
  payment_id integer PRIMARY KEY,
  policy_id  integer NOT NULL REFERENCES policies(policy_id),
  amount     numeric(10,2) NOT NULL,
  due_date   date NOT NULL,
  paid_date  date
);

CREATE TABLE claims (
  claim_id      integer PRIMARY KEY,
  policy_id     integer NOT NULL REFERENCES policies(policy_id),
  incident_date date NOT NULL,
  filed_date    date NOT NULL,
  claimed_amt   numeric(11,2) NOT NULL,
  approved_amt  numeric(11,2),
  status        text NOT NULL CHECK (status IN ('open','approved','rejected','paid')),
  adjuster_id   integer NOT NULL REFERENCES agents(agent_id)
);
COMMENT ON COLUMN claims.approved_amt IS 'NULL while the claim is open; 0 when rejected';

CREATE TABLE claim_payouts (
  payout_id integer PRIMARY KEY,
  claim_id  integer NOT NULL REFERENCES claims(claim_id),
  paid_on   date NOT NULL,
  amount    numeric(11,2) NOT NULL,
  method    text NOT NULL CHECK (method IN ('bank transfer','cheque'))
);

INSERT INTO branches VALUES
  (1, 'Leeds Central', 'Leeds', 'North'),
  (2, 'Manchester Piccadilly', 'Manchester', 'North'),
  (3, 'Bristol Harbourside', 'Bristol', 'South West'),
  (4, 'Glasgow Merchant City', 'Glasgow', 'Scotland'),
  (5, 'Edinburgh New Town', 'Edinburgh', 'Scotland'),
  (6, 'Cardiff Bay', 'Cardiff', 'Wales'),
  (7, 'Birmingham Colmore', 'Birmingham', 'Midlands'),
  (8, 'Norwich Riverside', 'Norwich', 'East');

-- 8 branch managers (1 heads the company), 40 sales agents, 12 claims adjusters
INSERT INTO agents (agent_id, first_name, last_name, job_title, branch_id, hired_on, manager_id)
SELECT i,
       (ARRAY['Oliver','Amelia','Harry','Isla','Jack','Ava','George','Mia','Noah','Grace','Leo','Freya','Arthur','Lily','Oscar','Sophie','Theo','Evie','Finley','Poppy','Alfie','Ruby','Charlie','Daisy','Rory','Hannah','Callum','Niamh','Owen','Priya'])[1 + i % 30],
       (ARRAY['Patel','Walker','Hughes','Murray','Evans','Khan','Robertson','Wright','Thomson','Davies','Clarke','Baker','Reid','Morgan','Hall','Ali','Turner','Campbell','Lewis','Price','Shaw','Ward','Fraser','Jenkins','Kelly','Moore','Quinn','Hussain','Bell','Watson','Young','Ellis','Stewart','Harper','Lloyd','Barnes','Owens'])[1 + (i * 7) % 37],
       CASE WHEN i <= 8 THEN 'branch manager' WHEN i <= 48 THEN 'sales agent' ELSE 'claims adjuster' END,
       CASE WHEN i <= 8 THEN i ELSE 1 + i % 8 END,
       date '2012-03-01' + (i * 97 + (i % 5) * 31) % 4200,
       CASE WHEN i = 1 THEN NULL WHEN i <= 8 THEN 1 ELSE 1 + i % 8 END
FROM generate_series(1, 60) AS i;

INSERT INTO policyholders (holder_id, first_name, last_name, dob, city, segment, email)
SELECT i,
       (ARRAY['James','Emily','Thomas','Chloe','Daniel','Jessica','Samuel','Lucy','Joseph','Megan','Adam','Holly','Ryan','Ellie','Lewis','Katie','Nathan','Laura','Ben','Rachel','Connor','Zara','Ethan','Aisha','Dylan','Erin','Kieran','Fiona','Mohammed','Anna'])[1 + (i * 11) % 30],
       (ARRAY['Smith','Jones','Taylor','Brown','Williams','Wilson','Johnson','Roberts','Robinson','Thompson','Wood','Edwards','Green','Hill','Cooper','Martin','Jackson','Harris','White','Scott','Graham','Mitchell','Carter','Phillips','Parker','Collins','Bennett','Cook','Bailey','Richardson','Cox','Howard','Gray','Ross','Kennedy','Foster','Marshall','Dixon','Hunt','Mason','Palmer'])[1 + (i * 17) % 41],
       date '1948-01-01' + (i * 7919) % 19000,
       (ARRAY['Leeds','Leeds','Manchester','Manchester','Manchester','Bristol','Glasgow','Glasgow','Edinburgh','Cardiff','Birmingham','Birmingham','Birmingham','Norwich','York','Sheffield','Bath','Swansea'])[1 + (i * 13 + i / 97) % 18],
       CASE WHEN i % 7 = 0 THEN 'business' ELSE 'retail' END,
       CASE WHEN i % 9 = 4 THEN NULL ELSE 'holder' || i || '@mail.example' END
FROM generate_series(1, 1500) AS i;

INSERT INTO products VALUES
  (1, 'Auto Basic', 'auto', 420.00),
  (2, 'Auto Plus', 'auto', 690.00),
  (3, 'Home Standard', 'home', 310.00),
  (4, 'Home Premier', 'home', 560.00),
  (5, 'Term Life 20', 'life', 380.00),
  (6, 'Whole Life', 'life', 940.00),
  (7, 'Travel Single Trip', 'travel', 45.00),
  (8, 'Travel Annual Multi-Trip', 'travel', 129.00);

INSERT INTO policies (policy_id, policy_no, holder_id, product_id, sold_by, start_date, end_date, cancelled_on, annual_premium, status)
SELECT p.id, 'PL-' || lpad(p.id::text, 6, '0'), p.holder, p.product, p.agent, p.start_d,
       p.end_d,
       CASE WHEN p.id % 23 = 0 THEN least(p.start_d + 20 + (p.id % 150), date '2025-12-30') END,
       round(pr.base_premium * (0.8 + (p.id * 17 % 50) / 100.0), 2),
       CASE WHEN p.id % 23 = 0 THEN 'cancelled'
            WHEN p.id % 11 = 0 AND p.product NOT IN (7) THEN 'lapsed'
            WHEN p.end_d < date '2025-12-31' THEN 'expired'
            ELSE 'active' END
FROM (
  SELECT id,
         1 + (id * 389) % 1500 AS holder,
         CASE WHEN id % 20 < 7 THEN 1 WHEN id % 20 < 10 THEN 2 WHEN id % 20 < 14 THEN 3 WHEN id % 20 = 14 THEN 4
              WHEN id % 20 < 17 THEN 5 WHEN id % 20 = 17 THEN 6 WHEN id % 20 = 18 THEN 7 ELSE 8 END AS product,
         CASE WHEN id % 4 = 0 THEN 9 + floor(sqrt((id / 4) % 25))::int ELSE 9 + (id * 7) % 40 END AS agent,
         least(date '2022-01-03' + (id * 1450 / 3000) + (id * 37) % 20, date '2025-12-20') AS start_d,
         CASE WHEN id % 20 = 18 THEN least(date '2022-01-03' + (id * 1450 / 3000) + (id * 37) % 20, date '2025-12-20') + 7 + id % 15
              WHEN id % 20 IN (15, 16, 17) THEN least(date '2022-01-03' + (id * 1450 / 3000) + (id * 37) % 20, date '2025-12-20') + interval '20 years' - interval '1 day'
              ELSE least(date '2022-01-03' + (id * 1450 / 3000) + (id * 37) % 20, date '2025-12-20') + interval '1 year' - interval '1 day' END::date AS end_d
  FROM generate_series(1, 3000) AS id
) p JOIN products pr ON pr.product_id = p.product;

-- quarterly instalments; single-trip travel is paid once; lapsed policies stop paying after the first
INSERT INTO premium_payments (payment_id, policy_id, amount, due_date, paid_date)
SELECT row_number() OVER (ORDER BY x.due, x.policy_id), x.policy_id, x.amount, x.due,
       CASE WHEN x.lapsed AND x.k >= 2 THEN NULL
            WHEN x.due > date '2025-12-10' AND (x.policy_id + x.k) % 3 = 0 THEN NULL
            ELSE x.due + ((x.policy_id * x.k) % 12) - 4 END
FROM (
  SELECT p.policy_id, k, (p.start_date + (k - 1) * interval '3 months')::date AS due,
         CASE WHEN p.product_id = 7 THEN p.annual_premium ELSE round(p.annual_premium / 4, 2) END AS amount,
         p.status = 'lapsed' AS lapsed, p.cancelled_on
  FROM policies p
  CROSS JOIN generate_series(1, 4) AS k
  WHERE k = 1 OR p.product_id <> 7
) x
WHERE x.due <= date '2025-12-31' AND (x.cancelled_on IS NULL OR x.due <= x.cancelled_on);

-- claims: auto policies claim most, a few policies claim again and again
INSERT INTO claims (claim_id, policy_id, incident_date, filed_date, claimed_amt, approved_amt, status, adjuster_id)
SELECT row_number() OVER (ORDER BY c.filed, c.policy_id, c.k), c.policy_id, c.incident, c.filed, c.claimed,
       CASE WHEN c.st = 'open' THEN NULL WHEN c.st = 'rejected' THEN 0
            ELSE least(c.claimed, round(c.claimed * (0.55 + ((c.policy_id * c.k) % 45) / 100.0), 2)) END,
       c.st, c.adjuster
FROM (
  SELECT b.*,
         CASE WHEN b.filed > date '2025-10-15' THEN 'open'
              WHEN (b.policy_id + b.k * 3) % 10 IN (0, 1) THEN 'rejected'
              WHEN (b.policy_id + b.k * 3) % 10 = 2 AND b.filed > date '2025-05-01' THEN 'open'
              WHEN (b.policy_id + b.k * 3) % 10 = 3 THEN 'approved'
              ELSE 'paid' END AS st
  FROM (
    SELECT a.policy_id, a.k, a.incident, least(a.incident + 1 + (a.policy_id * a.k) % 40, date '2025-12-30') AS filed,
           a.claimed, a.adjuster
    FROM (
      SELECT p.policy_id, k,
             least(p.start_date + ((p.policy_id * 53 + k * 71) % greatest(1, least(p.end_date, date '2025-12-20') - p.start_date)), date '2025-12-20') AS incident,
             round(CASE pr.line WHEN 'auto' THEN 450 + (p.policy_id * 131 + k * 977) % 7600
                                WHEN 'home' THEN 900 + (p.policy_id * 389 + k * 523) % 23000
                                WHEN 'life' THEN 50000 + (p.policy_id * 7919) % 150000
                                ELSE 80 + (p.policy_id * 61 + k * 13) % 2900 END
                   + ((p.policy_id * k) % 100) / 100.0, 2) AS claimed,
             49 + CASE WHEN (p.policy_id + k) % 3 = 0 THEN (p.policy_id / 3) % 3 ELSE (p.policy_id * 5 + k) % 12 END AS adjuster
      FROM policies p
      JOIN products pr ON pr.product_id = p.product_id
      CROSS JOIN LATERAL generate_series(1,
        CASE pr.line WHEN 'auto' THEN p.policy_id % 3
                     WHEN 'home' THEN (p.policy_id % 4 = 1)::int
                     WHEN 'life' THEN (p.policy_id % 25 = 15)::int
                     ELSE (p.policy_id % 6 = 1)::int END
        + CASE WHEN p.policy_id % 97 = 0 THEN 3 ELSE 0 END) AS k
    ) a
  ) b
) c;

-- paid claims get their approved amount, in two parts when it is large
INSERT INTO claim_payouts (payout_id, claim_id, paid_on, amount, method)
SELECT row_number() OVER (ORDER BY x.paid_on, x.claim_id, x.part), x.claim_id, x.paid_on, x.amount,
       CASE WHEN (x.claim_id + x.part) % 5 = 0 THEN 'cheque' ELSE 'bank transfer' END
FROM (
  SELECT c.claim_id, part,
         least(c.filed_date + 10 + (c.claim_id * 7) % 50 + (part - 1) * 30, date '2025-12-31') AS paid_on,
         CASE WHEN c.approved_amt > 10000 THEN
                CASE WHEN part = 1 THEN round(c.approved_amt / 2, 2) ELSE c.approved_amt - round(c.approved_amt / 2, 2) END
              ELSE c.approved_amt END AS amount
  FROM claims c
  CROSS JOIN generate_series(1, 2) AS part
  WHERE c.status = 'paid' AND (part = 1 OR c.approved_amt > 10000)
) x;
