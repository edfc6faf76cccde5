-- HR and payroll of a mid-size software company: offices, departments, employees with managers, salary and job title history, time off requests and performance reviews

CREATE TABLE offices (
  office_id   integer PRIMARY KEY,
  office_name text NOT NULL UNIQUE,
  city        text NOT NULL,
  state       char(2),
  opened_on   date NOT NULL,
  desk_count  integer NOT NULL
);

CREATE TABLE departments (
  dept_id       integer PRIMARY KEY,
  dept_name     text NOT NULL UNIQUE,
  location_city text NOT NULL,
  head_emp_id   integer,
  cost_center   text NOT NULL
);
COMMENT ON COLUMN departments.head_emp_id IS 'Employee who heads the department';

CREATE TABLE employees (
  emp_id      integer PRIMARY KEY,
  first_name  text NOT NULL,
  last_name   text NOT NULL,
  gender      char(1) NOT NULL CHECK (gender IN ('F','M')),
  dob         date NOT NULL,
  hire_date   date NOT NULL,
  term_date   date,
  email       text NOT NULL UNIQUE,
  dept_id     integer NOT NULL REFERENCES departments(dept_id),
  office_id   integer NOT NULL REFERENCES offices(office_id),
  job_title   text NOT NULL,
  manager_id  integer REFERENCES employees(emp_id)
);
COMMENT ON COLUMN employees.term_date IS 'Last day of employment; NULL while employed';

ALTER TABLE departments ADD FOREIGN KEY (head_emp_id) REFERENCES employees(emp_id);

CREATE TABLE salaries (
  emp_id    integer NOT NULL REFERENCES employees(emp_id),
  amount    numeric(10,2) NOT NULL,
  from_date date NOT NULL,
  to_date   date,
  PRIMARY KEY (emp_id, from_date)
);
COMMENT ON TABLE salaries IS 'Annual base salary in USD; the row with to_date NULL is the current one';

CREATE TABLE title_history (
  emp_id    integer NOT NULL REFERENCES employees(emp_id),
  title     text NOT NULL,
  from_date date NOT NULL,
  to_date   date,
  PRIMARY KEY (emp_id, from_date)
);

CREATE TABLE time_off_requests (
  request_id  integer PRIMARY KEY,
  emp_id      integer NOT NULL REFERENCES employees(emp_id),
  leave_type  text NOT NULL CHECK (leave_type IN ('vacation','sick','parental')),
  start_date  date NOT NULL,
  end_date    date NOT NULL,
  status      text NOT NULL CHECK (status IN ('approved','pending','rejected')),
  approver_id integer REFERENCES employees(emp_id),
  requested_at timestamp NOT NULL
);
COMMENT ON COLUMN time_off_requests.approver_id IS 'Employee who approves or rejects the request (normally the manager)';

CREATE TABLE performance_reviews (
  review_id   integer PRIMARY KEY,
  emp_id      integer NOT NULL REFERENCES employees(emp_id),
  reviewer_id integer NOT NULL REFERENCES employees(emp_id),
  review_date date NOT NULL,
  score       smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
  comments    text
);

INSERT INTO offices VALUES
 (1,'Austin HQ','Austin','TX','2012-06-01',260),
 (2,'Chicago Loop','Chicago','IL','2015-02-16',120),
 (3,'New York Midtown','New York','NY','2016-09-05',90),
 (4,'Denver Tech Center','Denver','CO','2018-04-02',110),
 (5,'Remote','Remote',NULL,'2020-04-01',0);

INSERT INTO departments (dept_id, dept_name, location_city, cost_center) VALUES
 (1,'Executive Office','Austin','CC-100'),
 (2,'Engineering','Austin','CC-200'),
 (3,'Sales','Chicago','CC-300'),
 (4,'Marketing','Chicago','CC-310'),
 (5,'Finance','New York','CC-400'),
 (6,'People Operations','New York','CC-410'),
 (7,'Customer Support','Denver','CC-500'),
 (8,'Operations','Denver','CC-510'),
 (9,'Legal','New York','CC-420');

-- dept of each employee: 1..9 head their department, 10..41 are team leads (4 per department 2..9),
-- the rest are spread unevenly (Engineering biggest, Legal smallest)
CREATE TEMP TABLE _e AS
SELECT i,
  CASE WHEN i <= 9 THEN i
       WHEN i <= 41 THEN 2 + (i - 10) / 4
       ELSE CASE WHEN i % 20 < 7 THEN 2 WHEN i % 20 < 11 THEN 3 WHEN i % 20 < 13 THEN 4
                 WHEN i % 20 < 14 THEN 5 WHEN i % 20 < 15 THEN 6 WHEN i % 20 < 18 THEN 7
                 WHEN i % 20 < 19 THEN 8 ELSE CASE WHEN i % 40 = 19 THEN 9 ELSE 2 END END END AS d,
  CASE WHEN i <= 9 THEN 0 WHEN i <= 41 THEN 1 WHEN i % 3 = 0 THEN 2 ELSE 3 END AS lvl,
  CASE WHEN (i * 11) % 100 < 46 THEN 'F' ELSE 'M' END AS g
FROM generate_series(1, 430) AS i;

INSERT INTO employees (emp_id, first_name, last_name, gender, dob, hire_date, term_date, email, dept_id, office_id, job_title, manager_id)
SELECT i, fn, ln, g,
  date '1962-03-01' + ((i * 263) % 13500),
  hd,
  CASE WHEN lvl >= 2 AND i % 7 = 3 AND hd + 180 + (i * 29) % 1100 < date '2025-11-28'
       THEN hd + 180 + (i * 29) % 1100 END,
  lower(left(fn, 1) || ln) || i || '@brightline.io',
  d,
  CASE WHEN i % 13 = 5 AND i > 41 THEN 5
       ELSE CASE d WHEN 1 THEN 1 WHEN 2 THEN 1 WHEN 3 THEN 2 WHEN 4 THEN 2 WHEN 5 THEN 3
                   WHEN 6 THEN 3 WHEN 7 THEN 4 WHEN 8 THEN 4 ELSE 3 END END,
  CASE lvl WHEN 0 THEN (ARRAY['Chief Executive Officer','VP Engineering','VP Sales','Head of Marketing','Chief Financial Officer','Head of People','Head of Support','Head of Operations','General Counsel'])[d]
           WHEN 1 THEN (ARRAY['','Engineering Manager','Sales Manager','Marketing Manager','Finance Manager','HR Manager','Support Manager','Operations Manager','Legal Manager'])[d]
           WHEN 2 THEN (ARRAY['','Senior Software Engineer','Senior Account Executive','Senior Marketing Specialist','Senior Accountant','Senior HR Generalist','Support Team Lead','Senior Operations Analyst','Senior Counsel'])[d]
           ELSE (ARRAY['','Software Engineer','Account Executive','Marketing Specialist','Accountant','HR Generalist','Support Specialist','Operations Analyst','Paralegal'])[d] END,
  CASE WHEN i = 1 THEN NULL WHEN i <= 9 THEN 1 WHEN i <= 41 THEN d
       ELSE 10 + (d - 2) * 4 + (i % 4) END
FROM (
  SELECT _e.*,
    CASE WHEN g = 'F' THEN (ARRAY['Maria','Jennifer','Aisha','Emily','Sofia','Hannah','Priya','Olivia','Grace','Chloe','Naomi','Rachel','Laura','Fatima','Megan','Yuki','Elena','Brianna','Nora','Sarah','Ingrid','Lucia'])[1 + (i * 7) % 22]
         ELSE (ARRAY['James','Michael','David','Carlos','Wei','Daniel','Omar','Ethan','Lucas','Ryan','Mateo','Kevin','Arjun','Thomas','Samuel','Noah','Victor','Jonah','Marcus','Liam','Felix','Andre'])[1 + (i * 7) % 22] END AS fn,
    (ARRAY['Smith','Johnson','Garcia','Nguyen','Patel','Kim','Brown','Lopez','Miller','Chen','Davis','Okafor','Wilson','Martinez','Anderson','Kowalski','Thompson','Rossi','Murphy','Singh','Hernandez','Clark','Lewis','Walker','Young','Hall','Allen','Wright','Scott','Torres','Baker','Nakamura','Adams','Hughes','Rivera','Campbell','Fischer','Reyes','Evans','Bennett','Foster','Dubois','Ortiz'])[1 + (i * 17 + i / 43) % 43] AS ln,
    CASE WHEN lvl = 0 THEN date '2015-01-05' + i * 23
         WHEN lvl = 1 THEN date '2015-03-02' + (i * 53) % 1600
         ELSE date '2015-02-02' + (i * 37) % 3880 END AS hd
  FROM _e) x;

UPDATE departments SET head_emp_id = dept_id;

-- one salary row per year of service; a few years without a raise are folded into the previous row
CREATE TEMP TABLE _s AS
SELECT e.emp_id, e.term_date, (e.hire_date + make_interval(years => k))::date AS f,
  round(((CASE x.lvl WHEN 0 THEN 185000 WHEN 1 THEN 128000 WHEN 2 THEN 98000 ELSE 68000 END)
    * (ARRAY[1.45,1.2,1.05,0.95,1.0,0.9,0.72,0.85,1.25])[x.d]
    + (e.emp_id * 137) % 40 * 250) * (1 + 0.035 * k) / 500) * 500 AS amt
FROM employees e JOIN _e x ON x.i = e.emp_id
CROSS JOIN generate_series(0, 10) AS k
WHERE (e.hire_date + make_interval(years => k))::date <= coalesce(e.term_date, date '2025-11-30')
  AND (k = 0 OR (e.emp_id + k) % 5 <> 0);

INSERT INTO salaries (emp_id, amount, from_date, to_date)
SELECT emp_id, amt, f,
  coalesce(lead(f) OVER (PARTITION BY emp_id ORDER BY f) - 1, term_date)
FROM _s;

-- seniors and leads hired early enough were promoted once; the history keeps the earlier title
INSERT INTO title_history (emp_id, title, from_date, to_date)
SELECT e.emp_id,
  CASE WHEN x.lvl = 2 THEN replace(replace(e.job_title, 'Senior ', ''), 'Support Team Lead', 'Support Specialist')
       ELSE (ARRAY['','Senior Software Engineer','Senior Account Executive','Senior Marketing Specialist','Senior Accountant','Senior HR Generalist','Support Team Lead','Senior Operations Analyst','Senior Counsel'])[x.d] END,
  e.hire_date, e.hire_date + 730 + (e.emp_id * 41) % 400 - 1
FROM employees e JOIN _e x ON x.i = e.emp_id
WHERE x.lvl IN (1, 2) AND e.hire_date + 730 + (e.emp_id * 41) % 400 < coalesce(e.term_date, date '2025-11-30');

INSERT INTO title_history (emp_id, title, from_date, to_date)
SELECT e.emp_id, e.job_title,
  coalesce((SELECT t.to_date + 1 FROM title_history t WHERE t.emp_id = e.emp_id), e.hire_date),
  e.term_date
FROM employees e;

INSERT INTO time_off_requests (request_id, emp_id, leave_type, start_date, end_date, status, approver_id, requested_at)
SELECT r, e.emp_id, t, s,
  s + CASE t WHEN 'vacation' THEN 1 + (r * 7) % 10 WHEN 'sick' THEN (r * 5) % 3 ELSE 55 + (r * 11) % 60 END,
  CASE WHEN s >= date '2025-10-15' AND r % 3 <> 0 THEN 'pending' WHEN r % 13 = 0 THEN 'rejected' ELSE 'approved' END,
  coalesce(e.manager_id, 6),
  (s - 10 - (r * 3) % 30) + make_interval(hours => 8 + r % 10, mins => (r * 17) % 60)
FROM (
  SELECT r, 1 + (r * 53) % 430 AS emp,
    CASE WHEN r % 29 = 0 THEN 'parental' WHEN r % 10 < 6 THEN 'vacation' ELSE 'sick' END AS t,
    date '2015-03-02' + (r * 71) % 3930 AS s
  FROM generate_series(1, 3200) AS r) q
JOIN employees e ON e.emp_id = q.emp
WHERE q.s > e.hire_date + 60 AND q.s < coalesce(e.term_date, date '2026-01-31');

INSERT INTO performance_reviews (review_id, emp_id, reviewer_id, review_date, score, comments)
SELECT row_number() OVER (ORDER BY y, e.emp_id), e.emp_id, e.manager_id,
  make_date(y, 12, 1 + e.emp_id % 12),
  CASE WHEN v = 0 THEN 1 WHEN v <= 2 THEN 2 WHEN v <= 7 THEN 3 WHEN v <= 11 THEN 4 ELSE 5 END,
  CASE WHEN (e.emp_id + y) % 4 = 0 THEN 'Meets expectations; agreed goals for next year'
       WHEN (e.emp_id + y) % 4 = 1 THEN NULL
       WHEN (e.emp_id + y) % 4 = 2 THEN 'Strong delivery, needs to delegate more'
       ELSE 'Discussed growth plan' END
FROM employees e
CROSS JOIN generate_series(2015, 2024) AS y
CROSS JOIN LATERAL (SELECT (e.emp_id * 7 + y * 3) % 13 AS v) s
WHERE e.manager_id IS NOT NULL
  AND e.hire_date < make_date(y, 7, 1)
  AND coalesce(e.term_date, date '2099-01-01') > make_date(y, 12, 15);
