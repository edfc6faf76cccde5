-- Medha sample database "hr": people data of a ~300 person software company.
-- Load into an empty database:  psql -v ON_ERROR_STOP=1 -d hr -f hr.sql
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
CREATE TABLE locations (
  location_id int PRIMARY KEY,
  city        text NOT NULL,
  country     text NOT NULL,
  office_type text
);
COMMENT ON TABLE locations IS 'Offices (work locations) of the company; remote employees belong to the Remote location.';
COMMENT ON COLUMN locations.location_id IS 'Identifier of the location.';
COMMENT ON COLUMN locations.city IS 'City of the office, or Remote.';
COMMENT ON COLUMN locations.country IS 'Country of the office (payroll country for remote staff).';
COMMENT ON COLUMN locations.office_type IS 'Headquarters, regional office or remote.';

INSERT INTO locations VALUES
  (1, 'San Francisco', 'United States', 'headquarters'),
  (2, 'New York', 'United States', 'regional office'),
  (3, 'London', 'United Kingdom', 'regional office'),
  (4, 'Berlin', 'Germany', 'regional office'),
  (5, 'Bangalore', 'India', 'regional office'),
  (6, 'Remote', 'United States', 'remote');

-- ---------------------------------------------------------------------------
CREATE TABLE departments (
  department_id int PRIMARY KEY,
  name          text NOT NULL,
  cost_center   text,
  annual_budget numeric(12,2),
  head_id       int
);
COMMENT ON TABLE departments IS 'Departments (org units, teams) of the company.';
COMMENT ON COLUMN departments.department_id IS 'Identifier of the department.';
COMMENT ON COLUMN departments.name IS 'Department name, e.g. Engineering or Sales.';
COMMENT ON COLUMN departments.cost_center IS 'Finance cost center code the department books to.';
COMMENT ON COLUMN departments.annual_budget IS 'Approved yearly operating budget in US dollars (salaries excluded).';
COMMENT ON COLUMN departments.head_id IS 'Employee who leads the department (references employees).';

INSERT INTO departments (department_id, name, cost_center, annual_budget) VALUES
  (1, 'Executive',         'CC-100',  900000),
  (2, 'Engineering',       'CC-200', 4200000),
  (3, 'Sales',             'CC-300', 2600000),
  (4, 'Marketing',         'CC-400', 3100000),
  (5, 'Customer Support',  'CC-500',  850000),
  (6, 'Finance',           'CC-600',  700000),
  (7, 'Human Resources',   'CC-700',  650000),
  (8, 'Operations',        'CC-800', 1500000),
  (9, 'Product',           'CC-900', 1100000);

-- ---------------------------------------------------------------------------
CREATE TABLE employees (
  employee_id      int PRIMARY KEY,
  first_name       text NOT NULL,
  last_name        text NOT NULL,
  email            text,
  title            text,
  department_id    int REFERENCES departments (department_id),
  manager_id       int REFERENCES employees (employee_id),
  location_id      int REFERENCES locations (location_id),
  employment_type  text,
  hire_date        date,
  termination_date date,
  salary           numeric(10,2)
);
COMMENT ON TABLE employees IS 'Employees (staff, people, headcount): everyone who works or worked for the company, one row per person.';
COMMENT ON COLUMN employees.employee_id IS 'Identifier of the employee (personnel number).';
COMMENT ON COLUMN employees.first_name IS 'Given name of the employee.';
COMMENT ON COLUMN employees.last_name IS 'Family name of the employee.';
COMMENT ON COLUMN employees.email IS 'Work e-mail address.';
COMMENT ON COLUMN employees.title IS 'Job title, e.g. Senior Software Engineer.';
COMMENT ON COLUMN employees.department_id IS 'Department the employee belongs to (references departments).';
COMMENT ON COLUMN employees.manager_id IS 'Direct manager (references employees); NULL for the CEO.';
COMMENT ON COLUMN employees.location_id IS 'Office the employee works from (references locations).';
COMMENT ON COLUMN employees.employment_type IS 'full-time, part-time or contractor.';
COMMENT ON COLUMN employees.hire_date IS 'First working day at the company.';
COMMENT ON COLUMN employees.termination_date IS 'Last working day for people who left; NULL for current employees (active headcount).';
COMMENT ON COLUMN employees.salary IS 'Current annual base salary in US dollars (gross, before bonus); for contractors the annualized rate.';

-- Staff 10..320 are spread over the departments; the first eighth of each department (by id)
-- are team managers reporting to the department head, everybody else reports to a manager.
CREATE TEMP TABLE staff ON COMMIT DROP AS
WITH s AS (
  SELECT i AS employee_id, pg_temp.rnd(1, i) AS u
  FROM generate_series(10, 320) i
), d AS (
  SELECT employee_id,
         CASE WHEN u < 0.30 THEN 2 WHEN u < 0.50 THEN 3 WHEN u < 0.58 THEN 4 WHEN u < 0.72 THEN 5
              WHEN u < 0.78 THEN 6 WHEN u < 0.83 THEN 7 WHEN u < 0.93 THEN 8 ELSE 9 END AS department_id
  FROM s
)
SELECT employee_id, department_id,
       row_number() OVER (PARTITION BY department_id ORDER BY employee_id) AS rank_in_dept,
       count(*) OVER (PARTITION BY department_id) AS dept_size
FROM d;

WITH people AS (
  SELECT i AS employee_id,
         CASE WHEN i = 1 THEN 1 WHEN i <= 9 THEN i ELSE s.department_id END AS department_id,
         CASE WHEN i = 1 THEN 0 WHEN i <= 9 THEN 1
              WHEN s.rank_in_dept <= greatest(1, ceil(s.dept_size / 8.0)) THEN 2
              ELSE 3 END AS level,
         s.rank_in_dept, s.dept_size
  FROM generate_series(1, 320) i LEFT JOIN staff s ON s.employee_id = i
), named AS (
  SELECT p.*,
         (ARRAY['Aisha','Ben','Chloe','Diego','Elena','Farid','Grace','Hiro','Isabel','Jonas','Kavya','Leo',
                'Maya','Nikolai','Olga','Pedro','Rachel','Sven','Tara','Umar','Valeria','Will','Ximena','Yusuf','Zoe',
                'Adam','Bianca','Chen','Dana','Ethan'])[1 + floor(30 * pg_temp.rnd(2, p.employee_id))::int] AS first_name,
         (ARRAY['Abbott','Bauer','Castillo','Dewan','Eriksen','Fischer','Gupta','Hughes','Ito','Jensen','Khan','Lambert',
                'Mendes','Nair','OBrien','Petrov','Quinn','Reyes','Schulz','Turner','Usman','Vargas','Weber','Young',
                'Zhang','Patel','Murphy','Novak','Lindqvist','Adeyemi'])[1 + floor(30 * pg_temp.rnd(3, p.employee_id))::int] AS last_name,
         pg_temp.rnd(4, p.employee_id) AS ulevel,
         pg_temp.rnd(5, p.employee_id) AS uloc
  FROM people p
), placed AS (
  SELECT n.*,
         CASE WHEN n.level <= 1 THEN 1
              WHEN n.department_id = 2 AND n.uloc < 0.30 THEN 5
              WHEN n.department_id = 5 AND n.uloc < 0.40 THEN 5
              WHEN n.department_id = 3 AND n.uloc < 0.35 THEN 2
              WHEN n.uloc < 0.45 THEN 1 WHEN n.uloc < 0.58 THEN 2 WHEN n.uloc < 0.70 THEN 3
              WHEN n.uloc < 0.80 THEN 4 WHEN n.uloc < 0.84 THEN 5 ELSE 6 END AS location_id,
         -- individual contributors: 1 junior .. 3 senior
         CASE WHEN n.ulevel < 0.40 THEN 1 WHEN n.ulevel < 0.80 THEN 2 ELSE 3 END AS ic_level
  FROM named n
)
INSERT INTO employees
SELECT p.employee_id,
       p.first_name,
       p.last_name,
       lower(p.first_name || '.' || p.last_name) || p.employee_id || '@medha-corp.example',
       CASE WHEN p.level = 0 THEN 'Chief Executive Officer'
            WHEN p.level = 1 THEN (ARRAY['', 'VP of Engineering', 'VP of Sales', 'VP of Marketing', 'VP of Customer Support',
                                         'Chief Financial Officer', 'VP of People', 'VP of Operations', 'VP of Product'])[p.department_id]
            WHEN p.level = 2 THEN (ARRAY['', 'Engineering Manager', 'Sales Manager', 'Marketing Manager', 'Support Manager',
                                         'Finance Manager', 'HR Manager', 'Operations Manager', 'Group Product Manager'])[p.department_id]
            ELSE (ARRAY[ARRAY['', '', ''],
                        ARRAY['Software Engineer', 'Senior Software Engineer', 'Staff Engineer'],
                        ARRAY['Sales Development Rep', 'Account Executive', 'Senior Account Executive'],
                        ARRAY['Marketing Coordinator', 'Marketing Specialist', 'Senior Marketing Manager'],
                        ARRAY['Support Agent', 'Senior Support Agent', 'Support Engineer'],
                        ARRAY['Accountant', 'Financial Analyst', 'Senior Financial Analyst'],
                        ARRAY['HR Coordinator', 'Recruiter', 'HR Business Partner'],
                        ARRAY['Operations Associate', 'Operations Analyst', 'IT Systems Administrator'],
                        ARRAY['Associate Product Manager', 'Product Manager', 'Senior Product Designer']])[p.department_id][p.ic_level]
       END,
       p.department_id,
       CASE WHEN p.level = 0 THEN NULL
            WHEN p.level = 1 THEN 1
            WHEN p.level = 2 THEN p.department_id
            -- report to one of the department's managers
            ELSE (SELECT s.employee_id FROM staff s
                  WHERE s.department_id = p.department_id
                    AND s.rank_in_dept = 1 + (p.rank_in_dept % greatest(1, ceil(p.dept_size / 8.0)::int)))
       END,
       p.location_id,
       CASE WHEN p.level <= 2 THEN 'full-time'
            WHEN pg_temp.rnd(6, p.employee_id) < 0.86 THEN 'full-time'
            WHEN pg_temp.rnd(6, p.employee_id) < 0.93 THEN 'part-time' ELSE 'contractor' END,
       CASE WHEN p.level = 0 THEN date '2015-04-01'
            WHEN p.level = 1 THEN date '2015-06-01' + floor(1500 * pg_temp.rnd(7, p.employee_id))::int
            WHEN p.level = 2 THEN date '2016-01-01' + floor(1800 * pg_temp.rnd(7, p.employee_id))::int
            ELSE date '2016-01-01' + floor(3200 * power(pg_temp.rnd(7, p.employee_id), 0.7))::int END,
       NULL,
       -- annual salary rounded to whole hundreds
       100 * round(((CASE WHEN p.level = 0 THEN 320000
                   WHEN p.level = 1 THEN 215000 + 50000 * pg_temp.rnd(8, p.employee_id)
                   WHEN p.level = 2 THEN 150000 + 30000 * pg_temp.rnd(8, p.employee_id)
                   ELSE (ARRAY[0, 110000, 72000, 70000, 55000, 80000, 65000, 60000, 105000])[p.department_id]
                        * (ARRAY[0.80, 1.00, 1.30])[p.ic_level]
                        * (0.90 + 0.20 * pg_temp.rnd(8, p.employee_id)) END)
             * (ARRAY[1.10, 1.05, 0.90, 0.85, 0.45, 0.92])[p.location_id]
             / 100)::numeric)
FROM placed p
ORDER BY p.employee_id;

-- About one in ten individual contributors has left the company.
UPDATE employees
SET termination_date = least(date '2024-12-20',
                             hire_date + 200 + floor(2000 * pg_temp.rnd(9, employee_id))::int)
WHERE employee_id > 9
  AND employee_id NOT IN (SELECT manager_id FROM employees WHERE manager_id IS NOT NULL)
  AND pg_temp.rnd(10, employee_id) < 0.10;

UPDATE departments d SET head_id = CASE WHEN d.department_id = 1 THEN 1 ELSE d.department_id END;
ALTER TABLE departments ADD FOREIGN KEY (head_id) REFERENCES employees (employee_id);

-- ---------------------------------------------------------------------------
CREATE TABLE performance_reviews (
  review_id             int PRIMARY KEY,
  employee_id           int NOT NULL REFERENCES employees (employee_id),
  reviewer_id           int REFERENCES employees (employee_id),
  review_year           int NOT NULL,
  review_date           date,
  rating                int CHECK (rating BETWEEN 1 AND 5),
  promotion_recommended boolean,
  comments              text
);
COMMENT ON TABLE performance_reviews IS 'Annual performance reviews (appraisals): one per employee and year, written by their manager.';
COMMENT ON COLUMN performance_reviews.review_id IS 'Identifier of the review.';
COMMENT ON COLUMN performance_reviews.employee_id IS 'Employee who was reviewed (references employees).';
COMMENT ON COLUMN performance_reviews.reviewer_id IS 'Manager who wrote the review (references employees).';
COMMENT ON COLUMN performance_reviews.review_year IS 'Performance year the review covers.';
COMMENT ON COLUMN performance_reviews.review_date IS 'Date the review was completed, in December of the review year.';
COMMENT ON COLUMN performance_reviews.rating IS 'Overall rating: 1 unsatisfactory, 2 needs improvement, 3 meets expectations, 4 exceeds expectations, 5 outstanding.';
COMMENT ON COLUMN performance_reviews.promotion_recommended IS 'True when the manager recommends a promotion.';
COMMENT ON COLUMN performance_reviews.comments IS 'Summary written by the reviewer.';

WITH r AS (
  SELECT e.employee_id, e.manager_id, y AS review_year,
         make_date(y, 12, 1) + floor(18 * pg_temp.rnd(20, e.employee_id * 10 + y - 2020))::int AS review_date,
         pg_temp.rnd(21, e.employee_id * 10 + y - 2020) AS u
  FROM employees e CROSS JOIN generate_series(2021, 2024) y
  WHERE e.manager_id IS NOT NULL
    AND e.hire_date < make_date(y, 10, 1)
    AND (e.termination_date IS NULL OR e.termination_date > make_date(y, 12, 20))
), rated AS (
  SELECT r.*,
         CASE WHEN u < 0.04 THEN 1 WHEN u < 0.14 THEN 2 WHEN u < 0.62 THEN 3 WHEN u < 0.90 THEN 4 ELSE 5 END AS rating
  FROM r
)
INSERT INTO performance_reviews
SELECT row_number() OVER (ORDER BY employee_id, review_year)::int,
       employee_id, manager_id, review_year, review_date, rating,
       rating = 5 OR (rating = 4 AND pg_temp.rnd(22, employee_id * 10 + review_year - 2020) < 0.3),
       (ARRAY['Did not meet the agreed goals; improvement plan agreed.',
              'Met some goals; needs to improve delivery and communication.',
              'Solid year, met expectations across the board.',
              'Exceeded goals and helped the team grow.',
              'Outstanding impact; a role model for the company.'])[rating]
FROM rated
ORDER BY 1;

CREATE INDEX employees_department_id_idx ON employees (department_id);
CREATE INDEX employees_manager_id_idx ON employees (manager_id);
CREATE INDEX employees_location_id_idx ON employees (location_id);
CREATE INDEX performance_reviews_employee_id_idx ON performance_reviews (employee_id);
CREATE INDEX performance_reviews_reviewer_id_idx ON performance_reviews (reviewer_id);

COMMIT;

ANALYZE;
