-- University records: faculties and departments, teaching staff, degree programmes, students, courses taught in sections each term, enrolments with grades, rooms, tuition payments

CREATE TABLE faculties (
  faculty_id integer PRIMARY KEY,
  name       text NOT NULL UNIQUE,
  dean       text NOT NULL
);

CREATE TABLE departments (
  dept_id    integer PRIMARY KEY,
  faculty_id integer NOT NULL REFERENCES faculties(faculty_id),
  dept_name  text NOT NULL UNIQUE,
  dept_code  varchar(4) NOT NULL UNIQUE
);

CREATE TABLE buildings (
  bldg_id   integer PRIMARY KEY,
  bldg_name text NOT NULL UNIQUE,
  built_yr  smallint
);

CREATE TABLE rooms (
  room_id integer PRIMARY KEY,
  bldg_id integer NOT NULL REFERENCES buildings(bldg_id),
  room_no text NOT NULL,
  seats   integer NOT NULL,
  UNIQUE (bldg_id, room_no)
);

CREATE TABLE instructors (
  instructor_id integer PRIMARY KEY,
  first_name    text NOT NULL,
  last_name     text NOT NULL,
  academic_rank text NOT NULL CHECK (academic_rank IN ('Professor','Associate Professor','Assistant Professor','Lecturer')),
  hire_yr       smallint NOT NULL,
  dept_id       integer NOT NULL REFERENCES departments(dept_id),
  email         text NOT NULL UNIQUE
);

CREATE TABLE programmes (
  prog_id   integer PRIMARY KEY,
  prog_name text NOT NULL UNIQUE,
  degree    text NOT NULL CHECK (degree IN ('BSc','BA','MSc','PhD')),
  dept_id   integer NOT NULL REFERENCES departments(dept_id)
);

CREATE TABLE students (
  student_id  integer PRIMARY KEY,
  first_name  text NOT NULL,
  last_name   text NOT NULL,
  dob         date NOT NULL,
  enrol_year  smallint NOT NULL,
  prog_id     integer NOT NULL REFERENCES programmes(prog_id),
  country     text NOT NULL,
  grad_date   date
);
COMMENT ON COLUMN students.grad_date IS 'NULL while the student has not graduated';

CREATE TABLE courses (
  course_code varchar(8) PRIMARY KEY,
  title       text NOT NULL,
  credits     smallint NOT NULL,
  dept_id     integer NOT NULL REFERENCES departments(dept_id)
);

CREATE TABLE sections (
  section_id    integer PRIMARY KEY,
  course_code   varchar(8) NOT NULL REFERENCES courses(course_code),
  term          text NOT NULL,
  instructor_id integer NOT NULL REFERENCES instructors(instructor_id),
  room_id       integer NOT NULL REFERENCES rooms(room_id),
  capacity      integer NOT NULL
);
COMMENT ON COLUMN sections.term IS 'Year and semester, e.g. 2024-Fall';

CREATE TABLE enrolments (
  enrolment_id integer PRIMARY KEY,
  student_id   integer NOT NULL REFERENCES students(student_id),
  section_id   integer NOT NULL REFERENCES sections(section_id),
  status       text NOT NULL CHECK (status IN ('enrolled','completed','dropped')),
  grade        varchar(2),
  points       numeric(3,1)
);
COMMENT ON COLUMN enrolments.grade IS 'Letter grade; NULL while the course is in progress or after a drop';
COMMENT ON COLUMN enrolments.points IS 'Grade points 0.0-4.0';

CREATE TABLE tuition_payments (
  payment_id integer PRIMARY KEY,
  student_id integer NOT NULL REFERENCES students(student_id),
  amt        numeric(10,2) NOT NULL,
  paid_on    date NOT NULL,
  method     text NOT NULL CHECK (method IN ('card','bank transfer','scholarship','loan'))
);

INSERT INTO faculties VALUES
 (1,'Faculty of Science','Helena Brandt'),
 (2,'Faculty of Engineering','Tomasz Wolski'),
 (3,'Faculty of Arts and Humanities','Grace Okafor'),
 (4,'Faculty of Business','Daniel Ferreira'),
 (5,'Faculty of Health Sciences','Mei Lin Tan');

INSERT INTO departments VALUES
 (1,1,'Mathematics','MATH'),(2,1,'Physics','PHYS'),(3,1,'Chemistry','CHEM'),
 (4,2,'Computer Science','COMP'),(5,2,'Mechanical Engineering','MECH'),(6,2,'Civil Engineering','CIVL'),
 (7,3,'History','HIST'),(8,3,'Philosophy','PHIL'),(9,3,'Linguistics','LING'),
 (10,4,'Economics','ECON'),(11,4,'Accounting','ACCT'),
 (12,5,'Nursing','NURS'),(13,5,'Public Health','PUBH');

INSERT INTO buildings VALUES
 (1,'Alder Hall',1962),(2,'Beacon Building',1998),(3,'Crane Library Annex',1975),
 (4,'Delta Science Centre',2011),(5,'Elm Lecture Theatre',NULL),(6,'Foundry Labs',2019);

INSERT INTO rooms (room_id, bldg_id, room_no, seats)
SELECT r, 1 + (r - 1) % 6, (100 * (1 + (r - 1) / 6) + (r % 7))::text,
       CASE WHEN r % 9 = 0 THEN 250 WHEN r % 4 = 0 THEN 120 ELSE 30 + (r * 7) % 40 END
FROM generate_series(1, 36) r;

INSERT INTO instructors (instructor_id, first_name, last_name, academic_rank, hire_yr, dept_id, email)
SELECT i,
  (ARRAY['Anna','Bruno','Clara','David','Elena','Farid','Greta','Hugo','Ines','Jonas','Kavya','Lukas','Marta','Nikhil','Olga','Pablo','Quinn','Rosa','Samuel','Tara','Umar','Vera','Wim','Yara'])[1 + (i * 5) % 24],
  (ARRAY['Almeida','Becker','Castro','Dubois','Eriksen','Fischer','Garcia','Hansen','Ivanova','Jensen','Kowalski','Larsen','Moreau','Novak','Olsen','Petrov','Rossi','Silva','Tanaka','Vogel','Weber','Young','Zhang','Nakamura','Quist','Haddad','Lindqvist','Mensah','Patel','Reyes'])[1 + (i * 7) % 30],
  CASE WHEN i % 5 = 0 THEN 'Professor' WHEN i % 5 IN (1,3) THEN 'Lecturer' WHEN i % 5 = 2 THEN 'Assistant Professor' ELSE 'Associate Professor' END,
  (1988 + (i * 11) % 37)::smallint,
  1 + (i * 3) % 13,
  'staff' || i || '@uni.example.edu'
FROM generate_series(1, 78) i;

INSERT INTO programmes VALUES
 (1,'Mathematics BSc','BSc',1),(2,'Applied Physics BSc','BSc',2),(3,'Chemistry BSc','BSc',3),
 (4,'Computer Science BSc','BSc',4),(5,'Data Science MSc','MSc',4),(6,'Mechanical Engineering BSc','BSc',5),
 (7,'Civil Engineering BSc','BSc',6),(8,'History BA','BA',7),(9,'Philosophy BA','BA',8),
 (10,'Linguistics BA','BA',9),(11,'Economics BSc','BSc',10),(12,'Finance MSc','MSc',10),
 (13,'Accounting BSc','BSc',11),(14,'Nursing BSc','BSc',12),(15,'Public Health MSc','MSc',13),
 (16,'Computer Science PhD','PhD',4);

INSERT INTO students (student_id, first_name, last_name, dob, enrol_year, prog_id, country, grad_date)
SELECT s,
  (ARRAY['Aisha','Ben','Chloe','Diego','Emma','Felix','Gabriela','Henry','Isla','Jamal','Kenji','Leah','Mateo','Nora','Oscar','Priya','Rafael','Sofia','Theo','Uma','Victor','Willa','Xavier','Yusuf','Zoe','Amir','Beatriz','Caleb','Dana','Emil','Fatima','George'])[1 + (s * 7) % 32],
  (ARRAY['Adams','Baker','Chen','Diaz','Evans','Fujita','Gomez','Hughes','Iqbal','Johnson','Kim','Lopez','Murphy','Nguyen','Okoye','Park','Quinn','Ruiz','Singh','Taylor','Usman','Vasquez','Wright','Xu','Yilmaz','Zimmer','Brooks','Costa','Duarte','Ellis','Foster','Grant','Horvat','Ito','Kaur','Lund','Mills','Novak','Ortiz','Price','Reed'])[1 + (s * 11) % 41],
  date '1994-01-01' + ((s * 37) % 3650),
  (2018 + (s % 8))::smallint,
  CASE WHEN s % 10 < 3 THEN 4 WHEN s % 10 = 3 THEN 11 WHEN s % 10 = 4 THEN 14 ELSE 1 + (s * 13) % 16 END,
  CASE WHEN s % 20 < 11 THEN 'United Kingdom' WHEN s % 20 < 13 THEN 'India' WHEN s % 20 < 15 THEN 'China'
       WHEN s % 20 = 15 THEN 'Nigeria' WHEN s % 20 = 16 THEN 'Germany' WHEN s % 20 = 17 THEN 'United States'
       WHEN s % 20 = 18 THEN 'Brazil' ELSE 'Canada' END,
  CASE WHEN (2018 + (s % 8)) <= 2021 AND s % 6 <> 0
       THEN make_date(2018 + (s % 8) + 3 + (s % 2), CASE WHEN s % 5 = 0 THEN 12 ELSE 7 END, 1 + s % 20) END
FROM generate_series(1, 1400) s;

INSERT INTO courses VALUES
 ('MATH101','Calculus I',6,1),('MATH102','Linear Algebra',6,1),('MATH201','Probability',5,1),('MATH305','Topology',5,1),
 ('PHYS101','Mechanics',6,2),('PHYS210','Electromagnetism',5,2),('PHYS330','Quantum Physics',5,2),
 ('CHEM101','General Chemistry',6,3),('CHEM220','Organic Chemistry',5,3),
 ('COMP101','Introduction to Programming',6,4),('COMP150','Data Structures',6,4),('COMP220','Databases',5,4),
 ('COMP240','Operating Systems',5,4),('COMP310','Machine Learning',5,4),('COMP420','Distributed Systems',5,4),
 ('MECH110','Engineering Drawing',4,5),('MECH230','Thermodynamics',5,5),
 ('CIVL120','Structural Analysis',5,6),('CIVL260','Geotechnics',5,6),
 ('HIST101','World History',4,7),('HIST240','Medieval Europe',4,7),
 ('PHIL101','Introduction to Ethics',4,8),('PHIL250','Logic',4,8),
 ('LING110','Phonetics',4,9),('LING230','Syntax',4,9),
 ('ECON101','Microeconomics',5,10),('ECON102','Macroeconomics',5,10),('ECON310','Econometrics',5,10),
 ('ACCT100','Financial Accounting',5,11),('ACCT210','Auditing',4,11),
 ('NURS101','Anatomy',6,12),('NURS220','Clinical Practice',8,12),
 ('PUBH200','Epidemiology',5,13),('PUBH310','Global Health',4,13);

-- 10 terms (2021-Spring .. 2025-Fall); introductory courses run every term, others less often
INSERT INTO sections (section_id, course_code, term, instructor_id, room_id, capacity)
SELECT row_number() OVER (ORDER BY t, c.course_code)::integer,
  c.course_code,
  (2021 + t / 2)::text || CASE WHEN t % 2 = 0 THEN '-Spring' ELSE '-Fall' END,
  1 + (ascii(substr(c.course_code, 6, 1)) * 7 + t * 3 + length(c.title)) % 78,
  1 + (ascii(substr(c.course_code, 1, 1)) + t * 5 + length(c.title)) % 36,
  CASE WHEN substr(c.course_code, 5, 1) = '1' THEN 180 ELSE 40 + (length(c.title) * 3) % 30 END
FROM courses c CROSS JOIN generate_series(0, 9) t
WHERE substr(c.course_code, 5, 1) = '1' OR (t + length(c.title)) % 3 <> 0;

INSERT INTO enrolments (enrolment_id, student_id, section_id, status, grade, points)
SELECT e, st, sec,
  CASE WHEN e % 13 = 0 THEN 'dropped' WHEN term LIKE '2025-Fall' THEN 'enrolled' ELSE 'completed' END,
  CASE WHEN e % 13 = 0 OR term = '2025-Fall' THEN NULL
       WHEN p >= 3.7 THEN 'A' WHEN p >= 3.3 THEN 'A-' WHEN p >= 3.0 THEN 'B+' WHEN p >= 2.7 THEN 'B'
       WHEN p >= 2.3 THEN 'B-' WHEN p >= 2.0 THEN 'C+' WHEN p >= 1.7 THEN 'C' WHEN p >= 1.0 THEN 'D' ELSE 'F' END,
  CASE WHEN e % 13 = 0 OR term = '2025-Fall' THEN NULL ELSE p END
FROM (
  SELECT e, 1 + (e * 7919) % 1400 AS st, x.section_id AS sec, x.term,
         round(0.7 + ((e * 37 + (e / 7) * 11) % 34) / 10.0, 1) AS p
  FROM generate_series(1, 11000) e
  JOIN LATERAL (
    SELECT s.section_id, s.term FROM sections s
    WHERE s.section_id = 1 + floor((SELECT count(*) FROM sections) * power(((e * 2654435761::bigint) % 10007) / 10007.0, 1.8))::integer
  ) x ON true
) q;

INSERT INTO tuition_payments (payment_id, student_id, amt, paid_on, method)
SELECT p, 1 + (p * 613) % 1400,
  CASE WHEN p % 17 = 0 THEN 9250.00 WHEN p % 5 = 0 THEN round(4625 + (p % 23) * 10.5, 2) ELSE round(1200 + (p * 37) % 3100 + (p % 100) / 100.0, 2) END,
  date '2021-01-04' + ((p * 29) % 1820),
  CASE WHEN p % 10 < 5 THEN 'bank transfer' WHEN p % 10 < 8 THEN 'card' WHEN p % 10 = 8 THEN 'loan' ELSE 'scholarship' END
FROM generate_series(1, 4300) p;
