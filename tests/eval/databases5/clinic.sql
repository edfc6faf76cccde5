-- Outpatient clinic group: clinics, specialties, doctors, patients, appointments, diagnoses, medications, prescriptions and invoices for completed visits

CREATE TABLE clinics (
  clinic_id  integer PRIMARY KEY,
  name       text NOT NULL UNIQUE,
  city       text NOT NULL,
  opened_on  date NOT NULL,
  phone      text
);

CREATE TABLE specialties (
  specialty_id integer PRIMARY KEY,
  name         text NOT NULL UNIQUE
);

CREATE TABLE doctors (
  doctor_id     integer PRIMARY KEY,
  first_name    text NOT NULL,
  last_name     text NOT NULL,
  specialty_id  integer NOT NULL REFERENCES specialties(specialty_id),
  clinic_id     integer NOT NULL REFERENCES clinics(clinic_id),
  hired_on      date NOT NULL,
  supervisor_id integer REFERENCES doctors(doctor_id)
);
COMMENT ON COLUMN doctors.supervisor_id IS 'Senior doctor who signs off this doctor''s notes; NULL for consultants';

CREATE TABLE patients (
  patient_id  integer PRIMARY KEY,
  first_name  text NOT NULL,
  last_name   text NOT NULL,
  sex         char(1) NOT NULL CHECK (sex IN ('F','M')),
  dob         date NOT NULL,
  city        text NOT NULL,
  insurer     text,
  registered_at timestamp NOT NULL
);
COMMENT ON COLUMN patients.insurer IS 'Private insurer; NULL means self-pay';

CREATE TABLE appointments (
  appt_id      integer PRIMARY KEY,
  patient_id   integer NOT NULL REFERENCES patients(patient_id),
  doctor_id    integer NOT NULL REFERENCES doctors(doctor_id),
  scheduled_at timestamp NOT NULL,
  duration_min integer NOT NULL,
  status       text NOT NULL CHECK (status IN ('booked','completed','cancelled','no_show')),
  reason       text
);
COMMENT ON COLUMN appointments.status IS 'As of the last export (2025-12-01): later appointments are still booked';

CREATE TABLE diagnoses (
  diagnosis_id integer PRIMARY KEY,
  appt_id      integer NOT NULL REFERENCES appointments(appt_id),
  icd10_code   text NOT NULL,
  description  text NOT NULL,
  is_primary   boolean NOT NULL DEFAULT true
);

CREATE TABLE medications (
  medication_id integer PRIMARY KEY,
  name          text NOT NULL UNIQUE,
  form          text NOT NULL,
  unit_cost     numeric(8,2) NOT NULL
);

CREATE TABLE prescriptions (
  rx_id         integer PRIMARY KEY,
  appt_id       integer NOT NULL REFERENCES appointments(appt_id),
  medication_id integer NOT NULL REFERENCES medications(medication_id),
  dose          text NOT NULL,
  qty           integer NOT NULL,
  days_supplied integer NOT NULL
);

CREATE TABLE invoices (
  invoice_id integer PRIMARY KEY,
  appt_id    integer NOT NULL UNIQUE REFERENCES appointments(appt_id),
  issued_on  date NOT NULL,
  amt        numeric(8,2) NOT NULL,
  paid_amt   numeric(8,2) NOT NULL DEFAULT 0,
  paid_at    timestamp
);
COMMENT ON TABLE invoices IS 'One invoice per completed appointment, GBP';

INSERT INTO clinics (clinic_id, name, city, opened_on, phone) VALUES
 (1,'Northside Family Clinic','Leeds','2009-03-02','0113 496 0100'),
 (2,'Riverside Medical Centre','Manchester','2012-09-17','0161 496 0200'),
 (3,'Harbour View Clinic','Bristol','2015-05-11',NULL),
 (4,'Old Town Health','Edinburgh','2018-01-08','0131 496 0400'),
 (5,'Parkway Outpatients','Manchester','2021-06-14','0161 496 0500');

INSERT INTO specialties (specialty_id, name) VALUES
 (1,'General Practice'),(2,'Cardiology'),(3,'Dermatology'),(4,'Paediatrics'),
 (5,'Orthopaedics'),(6,'Neurology'),(7,'Psychiatry'),(8,'Endocrinology');

INSERT INTO doctors (doctor_id, first_name, last_name, specialty_id, clinic_id, hired_on, supervisor_id) VALUES
 (1,'Margaret','Okafor',1,1,'2009-03-02',NULL),
 (2,'Rajesh','Patel',2,2,'2012-09-17',NULL),
 (3,'Helen','Fraser',1,4,'2018-01-08',NULL),
 (4,'Tomasz','Nowak',5,3,'2015-06-01',NULL),
 (5,'Susan','Whitfield',3,1,'2013-04-22',NULL),
 (6,'Ahmed','Hassan',6,2,'2016-11-07',NULL),
 (7,'Claire','Dunmore',7,5,'2021-06-14',NULL),
 (8,'Peter','Lindqvist',8,3,'2017-02-13',NULL),
 (9,'Fiona','MacLeod',4,4,'2019-08-05',NULL),
 (10,'Daniel','Kim',1,1,'2020-01-13',1),
 (11,'Priya','Sharma',1,2,'2019-03-04',2),
 (12,'Owen','Griffiths',2,2,'2021-09-06',2),
 (13,'Laura','Bennett',1,3,'2016-10-10',4),
 (14,'Marcus','Adeyemi',5,3,'2022-02-28',4),
 (15,'Emma','Castillo',3,5,'2022-05-16',5),
 (16,'Ian','Stewart',1,4,'2020-07-20',3),
 (17,'Nadia','Rahman',4,2,'2018-04-09',11),
 (18,'George','Evans',1,5,'2021-06-14',11),
 (19,'Sofia','Rossi',6,5,'2023-01-09',6),
 (20,'William','Hughes',2,1,'2019-11-25',2),
 (21,'Chloe','Martin',1,1,'2023-03-13',1),
 (22,'Benjamin','Clarke',7,2,'2020-05-04',7),
 (23,'Aisha','Bello',8,5,'2023-09-04',8),
 (24,'Robert','Campbell',5,4,'2017-06-19',4),
 (25,'Hannah','Wright',4,1,'2024-01-15',9),
 (26,'Lucas','Ferreira',3,3,'2024-04-08',5),
 (27,'Grace','Thompson',1,2,'2024-09-02',11),
 (28,'Mohammed','Iqbal',1,5,'2025-02-03',18),
 (29,'Julia','Novak',2,3,'2025-05-12',2),
 (30,'Callum','Reid',1,4,'2025-08-18',3);

-- 1,400 patients; cities skewed towards the clinics' own cities, one in six self-pay.
INSERT INTO patients (patient_id, first_name, last_name, sex, dob, city, insurer, registered_at)
SELECT p,
       CASE WHEN (p * 7) % 13 < 7
            THEN (ARRAY['Olivia','Amelia','Isla','Ava','Emily','Sophie','Grace','Mia','Chloe','Ella','Hannah','Aisha','Lucy','Freya','Zara','Ruth','Megan','Niamh'])[1 + (p * 11) % 18]
            ELSE (ARRAY['James','Oliver','Harry','George','Noah','Jack','Leo','Arthur','Thomas','Samuel','Daniel','Mohammed','Adam','Ryan','Callum','Ewan','Luke'])[1 + (p * 11) % 17] END,
       (ARRAY['Smith','Jones','Taylor','Brown','Williams','Wilson','Johnson','Davies','Robinson','Wright','Thompson','Evans','Walker','White','Roberts','Green','Hall','Wood','Jackson','Clarke','Khan','Ali','Murray','Scott','Kaur','Begum','Morris','Price','Lewis','Ward','Doyle','Moss'])[1 + (p * 19) % 32],
       CASE WHEN (p * 7) % 13 < 7 THEN 'F' ELSE 'M' END,
       date '1938-01-01' + ((p * 7919) % 30500),
       (ARRAY['Leeds','Leeds','Leeds','Manchester','Manchester','Manchester','Manchester','Bristol','Bristol','Edinburgh','Edinburgh','York','Bradford','Salford','Bath','Stockport','Glasgow','Wakefield'])[1 + (p * 13) % 18],
       CASE WHEN p % 6 = 0 THEN NULL
            ELSE (ARRAY['Bupa','Bupa','AXA Health','AXA Health','Vitality','Aviva','WPA'])[1 + (p * 3) % 7] END,
       timestamp '2022-06-01 09:00' + make_interval(mins => p * 1110 + (p * 37) % 600)
FROM generate_series(1, 1400) AS p;

-- 4,200 appointments over 2023-2025; busy doctors and frequent patients are the low ids.
INSERT INTO appointments (appt_id, patient_id, doctor_id, scheduled_at, duration_min, status, reason)
SELECT a,
       1 + floor(1400 * power(((a * 4973) % 4200) / 4200.0, 1.35))::int,
       d,
       ts,
       CASE WHEN d IN (2,12,20,29) THEN (ARRAY[30,30,45,60])[1 + (a * 5) % 4]
            WHEN d IN (7,22) THEN (ARRAY[45,50,60])[1 + (a * 5) % 3]
            ELSE (ARRAY[10,15,15,20,20,30])[1 + (a * 5) % 6] END,
       CASE WHEN ts >= timestamp '2025-12-01' THEN 'booked'
            WHEN a % 11 = 0 THEN 'cancelled'
            WHEN a % 17 = 3 THEN 'no_show'
            ELSE 'completed' END,
       (ARRAY['Check-up','Follow-up','Chest pain','Skin rash','Back pain','Headache','Low mood','Fatigue','Knee pain','Diabetes review','Blood pressure review',NULL,'Vaccination','Cough',NULL,'Follow-up'])[1 + (a * 7) % 16]
FROM generate_series(1, 4200) AS a
CROSS JOIN LATERAL (SELECT
   (ARRAY[1,1,1,10,10,11,11,2,3,3,13,13,16,5,4,6,18,18,21,20,12,7,17,9,14,15,8,24,22,19,23,25,26,27,28,29,30,1,11,3])[1 + floor(40 * power(((a * 7919) % 4200) / 4200.0, 1.15))::int] AS d0) x
CROSS JOIN LATERAL (SELECT
   -- doctors hired later cannot see patients before their start date
   CASE WHEN (ARRAY[NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,date '2023-09-04',NULL,date '2024-01-15',date '2024-04-08',date '2024-09-02',date '2025-02-03',date '2025-05-12',date '2025-08-18'])[d0] IS NOT NULL
             AND timestamp '2023-01-02 08:00' + make_interval(days => (a * 1093) / 4200) <
                 (ARRAY[NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,date '2023-09-04',NULL,date '2024-01-15',date '2024-04-08',date '2024-09-02',date '2025-02-03',date '2025-05-12',date '2025-08-18'])[d0]
        THEN 1 + (a % 9) ELSE d0 END AS d,
   timestamp '2023-01-02 08:00' + make_interval(days => (a * 1093) / 4200, mins => ((a * 37) % 19) * 30) AS ts) y;

-- Diagnoses for completed visits: most get one, some two (the second not primary).
INSERT INTO diagnoses (diagnosis_id, appt_id, icd10_code, description, is_primary)
SELECT row_number() OVER (ORDER BY appt_id, is_primary DESC), appt_id, c.code, c.descr, is_primary
FROM (
  SELECT appt_id, (ARRAY[1,1,1,14,2,2,3,3,13,4,4,5,6,7,8,9,9,10,11,12,1,2,3])[1 + (appt_id * 7) % 23] AS k, true AS is_primary FROM appointments WHERE status = 'completed' AND appt_id % 5 <> 0
  UNION ALL
  SELECT appt_id, 1 + (appt_id * 3 + 5) % 14, false FROM appointments WHERE status = 'completed' AND appt_id % 9 = 0
) s
JOIN (VALUES
  (1,'I10','Essential hypertension'),(2,'E11.9','Type 2 diabetes mellitus'),(3,'J06.9','Upper respiratory infection'),
  (4,'M54.5','Low back pain'),(5,'L20.9','Atopic dermatitis'),(6,'F41.1','Generalised anxiety disorder'),
  (7,'G43.9','Migraine'),(8,'S83.2','Tear of meniscus'),(9,'Z00.0','General medical examination'),
  (10,'J45.9','Asthma'),(11,'F32.9','Depressive episode'),(12,'I48.9','Atrial fibrillation'),
  (13,'J06.9','Upper respiratory infection'),(14,'I10','Essential hypertension')
) AS c(k, code, descr) USING (k);

INSERT INTO medications (medication_id, name, form, unit_cost) VALUES
 (1,'Amlodipine 5mg','tablet',0.04),(2,'Metformin 500mg','tablet',0.03),(3,'Amoxicillin 500mg','capsule',0.09),
 (4,'Ibuprofen 400mg','tablet',0.05),(5,'Hydrocortisone 1%','cream',2.35),(6,'Sertraline 50mg','tablet',0.07),
 (7,'Sumatriptan 50mg','tablet',0.31),(8,'Naproxen 500mg','tablet',0.11),(9,'Salbutamol 100mcg','inhaler',1.50),
 (10,'Atorvastatin 20mg','tablet',0.06),(11,'Apixaban 5mg','tablet',0.95),(12,'Emollient','ointment',4.20),
 (13,'Insulin glargine','injection',13.95),(14,'Propranolol 40mg','tablet',0.08),(15,'Omeprazole 20mg','capsule',0.05);

-- Prescriptions on about half of the completed visits; one in seven of those gets a second item.
INSERT INTO prescriptions (rx_id, appt_id, medication_id, dose, qty, days_supplied)
SELECT row_number() OVER (ORDER BY appt_id, n), appt_id, m,
       CASE WHEN m IN (5,12) THEN 'apply twice daily' WHEN m = 9 THEN '2 puffs as needed'
            WHEN m = 13 THEN '10 units nightly' WHEN n = 1 AND appt_id % 3 = 0 THEN '1 twice daily' ELSE '1 daily' END,
       CASE WHEN m IN (5,12,9,13) THEN 1 + appt_id % 2 ELSE days * (CASE WHEN n = 1 AND appt_id % 3 = 0 THEN 2 ELSE 1 END) END,
       days
FROM (
  SELECT appt_id, 1 AS n, 1 + (appt_id * 11) % 15 AS m, (ARRAY[7,14,28,28,56,84])[1 + appt_id % 6] AS days
  FROM appointments WHERE status = 'completed' AND appt_id % 2 = 0
  UNION ALL
  SELECT appt_id, 2, 1 + (appt_id * 5 + 3) % 15, (ARRAY[7,14,28])[1 + appt_id % 3]
  FROM appointments WHERE status = 'completed' AND appt_id % 14 = 0
) s;

-- One invoice per completed visit: longer visits and consultants cost more; some unpaid, some part-paid.
INSERT INTO invoices (invoice_id, appt_id, issued_on, amt, paid_amt, paid_at)
SELECT row_number() OVER (ORDER BY a.appt_id), a.appt_id, a.scheduled_at::date + 1, amt,
       CASE WHEN a.appt_id % 13 = 0 OR a.scheduled_at >= timestamp '2025-11-10' THEN 0
            WHEN a.appt_id % 19 = 0 THEN round(amt / 2, 2) ELSE amt END,
       CASE WHEN a.appt_id % 13 = 0 OR a.scheduled_at >= timestamp '2025-11-10' THEN NULL
            ELSE a.scheduled_at + make_interval(days => 2 + a.appt_id % 25, hours => a.appt_id % 7) END
FROM appointments a
JOIN doctors d USING (doctor_id)
CROSS JOIN LATERAL (SELECT round((CASE WHEN d.supervisor_id IS NULL THEN 95 ELSE 60 END) + a.duration_min * 2.4
                                 + (a.appt_id % 23) * 1.15, 2) AS amt) x
WHERE a.status = 'completed';
