-- Small group of veterinary practices in Cheshire, Shropshire and North Wales:
-- clients (pet owners), their pets, appointments, treatments billed, invoices,
-- payments and vaccination records, 2023-2025.
-- Deterministic data: generate_series and arithmetic only.

CREATE TABLE clinics (
    clinic_id     integer PRIMARY KEY,
    clinic_name   text NOT NULL,
    town          text NOT NULL,
    postcode      text NOT NULL,
    phone         text,
    opened_on     date NOT NULL,
    has_theatre   boolean NOT NULL DEFAULT true,
    open_sat      boolean NOT NULL DEFAULT false
);

CREATE TABLE staff (
    staff_id       integer PRIMARY KEY,
    first_name     text NOT NULL,
    last_name      text NOT NULL,
    role           text NOT NULL,
    clinic_id      integer NOT NULL REFERENCES clinics(clinic_id),
    supervisor_id  integer REFERENCES staff(staff_id),
    rcvs_no        text,
    hired_on       date NOT NULL,
    left_on        date,
    annual_salary  numeric(9,2) NOT NULL
);

CREATE TABLE owners (
    owner_id          integer PRIMARY KEY,
    first_name        text NOT NULL,
    last_name         text NOT NULL,
    email             text,
    mobile            text,
    town              text NOT NULL,
    pref_clinic_id    integer NOT NULL REFERENCES clinics(clinic_id),
    registered_at     timestamp NOT NULL,
    mktg_opt_in       boolean NOT NULL DEFAULT false
);

CREATE TABLE pets (
    pet_id         integer PRIMARY KEY,
    owner_id       integer NOT NULL REFERENCES owners(owner_id),
    pet_name       text NOT NULL,
    species        text NOT NULL,
    breed          text,
    sex            char(1) NOT NULL,
    date_of_birth  date,
    weight_kg      numeric(6,2),
    neutered       boolean NOT NULL DEFAULT false,
    microchip_no   text,
    insurer        text,
    deceased_on    date
);

CREATE TABLE appointments (
    appt_id          integer PRIMARY KEY,
    pet_id           integer NOT NULL REFERENCES pets(pet_id),
    clinic_id        integer NOT NULL REFERENCES clinics(clinic_id),
    vet_id           integer NOT NULL REFERENCES staff(staff_id),
    booked_by        integer REFERENCES staff(staff_id),
    booking_channel  text NOT NULL,
    appt_start       timestamp NOT NULL,
    duration_min     integer NOT NULL,
    appt_type        text NOT NULL,
    status           text NOT NULL,
    reason           text
);

CREATE TABLE treatments (
    treatment_code  text PRIMARY KEY,
    treatment_name  text NOT NULL,
    category        text NOT NULL,
    list_price      numeric(8,2) NOT NULL,
    is_active       boolean NOT NULL DEFAULT true
);

CREATE TABLE appt_items (
    item_id         integer PRIMARY KEY,
    appt_id         integer NOT NULL REFERENCES appointments(appt_id),
    treatment_code  text NOT NULL REFERENCES treatments(treatment_code),
    qty             integer NOT NULL DEFAULT 1,
    unit_price      numeric(8,2) NOT NULL,
    performed_by    integer REFERENCES staff(staff_id)
);

CREATE TABLE invoices (
    invoice_id    integer PRIMARY KEY,
    invoice_no    text NOT NULL UNIQUE,
    appt_id       integer NOT NULL UNIQUE REFERENCES appointments(appt_id),
    owner_id      integer NOT NULL REFERENCES owners(owner_id),
    issued_on     date NOT NULL,
    due_on        date NOT NULL,
    subtotal      numeric(10,2) NOT NULL,
    discount_amt  numeric(10,2) NOT NULL DEFAULT 0,
    total_amt     numeric(10,2) NOT NULL,
    status        text NOT NULL,
    paid_on       date
);

CREATE TABLE payments (
    payment_id  integer PRIMARY KEY,
    invoice_id  integer NOT NULL REFERENCES invoices(invoice_id),
    paid_at     timestamp NOT NULL,
    amount      numeric(10,2) NOT NULL,
    method      text NOT NULL,
    taken_by    integer REFERENCES staff(staff_id)
);

CREATE TABLE vaccinations (
    vacc_id      integer PRIMARY KEY,
    pet_id       integer NOT NULL REFERENCES pets(pet_id),
    appt_id      integer REFERENCES appointments(appt_id),
    vaccine      text NOT NULL,
    batch_no     text,
    given_on     date NOT NULL,
    next_due_on  date NOT NULL,
    given_by     integer NOT NULL REFERENCES staff(staff_id)
);

COMMENT ON TABLE owners IS 'Registered clients: the people who own the pets and pay the invoices';
COMMENT ON COLUMN owners.pref_clinic_id IS 'Clinic the client normally attends';
COMMENT ON COLUMN pets.insurer IS 'Pet insurance company, NULL when the pet is not insured';
COMMENT ON COLUMN appointments.vet_id IS 'Veterinary surgeon who saw the pet';
COMMENT ON COLUMN appointments.booked_by IS 'Receptionist who made the booking; NULL for online bookings';
COMMENT ON TABLE appt_items IS 'Treatments, procedures and medicines charged at an appointment';
COMMENT ON COLUMN invoices.total_amt IS 'Amount due in GBP including VAT, after discount';
COMMENT ON COLUMN staff.rcvs_no IS 'Royal College of Veterinary Surgeons registration number (vets and nurses only)';

INSERT INTO clinics VALUES
 (1, 'Northgate Veterinary Centre', 'Chester', 'CH1 2HT', '01244 310 552', '2009-04-01', true, true),
 (2, 'Riverside Animal Clinic', 'Shrewsbury', 'SY1 1QR', '01743 244 019', '2013-09-16', true, false),
 (3, 'Meadowbank Vets', 'Wrexham', 'LL11 2AF', NULL, '2017-02-06', false, true),
 (4, 'Oakfield Pet Hospital', 'Nantwich', 'CW5 5RP', '01270 629 780', '2020-06-01', true, false);

-- staff 1-4 practice managers, 5-16 vets, 17-28 nurses, 29-36 receptionists, 37-39 replacements
INSERT INTO staff
SELECT g,
  (ARRAY['Helen','Tom','Sian','Rajesh','Claire','Owain','Beatrice','Marcus','Niamh','Dafydd','Priya','Ben','Lowri','Stefan','Hannah','Kofi','Rebecca','Ioan','Yasmin','Callum','Ffion','Matthew','Ruth','Gethin','Anna','Luke','Carys','Joe','Imogen','Adeel','Bethan','Patrick','Megan','Sam','Elin','Victor','Jade','Nathan','Kerry','Alun'])[1 + (g*7) % 40],
  (ARRAY['Ashworth','Pritchard','Nolan','Bevan','Mistry','Thornton','Gallagher','Lloyd','Okafor','Jenkins','Fairclough','Ellis','Hartley','Rowlands','Dawson','Chowdhury','Parry','Whitfield','Kerr','Vaughan','Brennan','Hughes','Sutcliffe','Iqbal','Moreton','Griffiths','Lister','Doyle','Pearce','Owens','Kendrick','Tan','Marsh','Haworth','Bradley','Evans','Quinn','Foulkes','Nash','Royle'])[1 + (g*11) % 40],
  CASE WHEN g <= 4 THEN 'Practice Manager' WHEN g <= 16 THEN 'Veterinary Surgeon'
       WHEN g <= 28 THEN 'Veterinary Nurse' ELSE 'Receptionist' END,
  1 + (g - 1) % 4,
  CASE WHEN g <= 4 THEN NULL WHEN g <= 16 THEN 1 + (g - 1) % 4
       WHEN g <= 28 THEN g - 12 ELSE 1 + (g - 1) % 4 END,
  CASE WHEN g BETWEEN 5 AND 16 THEN (7040000 + g * 3917)::text
       WHEN g BETWEEN 17 AND 28 THEN 'N' || (1500000 + g * 2713)::text END,
  DATE '2010-03-01' + ((g * 613) % 4300),
  NULL,
  CASE WHEN g <= 4 THEN 41500 + g * 750 WHEN g <= 16 THEN 52000 + ((g * 7) % 12) * 850
       WHEN g <= 28 THEN 29800 + (g % 4) * 900 ELSE 22400 + (g % 3) * 600 END
FROM generate_series(1, 36) AS g;

UPDATE staff SET left_on = DATE '2024-05-31' WHERE staff_id = 11;
UPDATE staff SET left_on = DATE '2023-09-30' WHERE staff_id = 22;
UPDATE staff SET left_on = DATE '2025-03-14' WHERE staff_id = 31;

INSERT INTO staff VALUES
 (37, 'Zara', 'Whitcombe', 'Veterinary Surgeon', 3, 3, '7188812', '2024-07-01', NULL, 50500),
 (38, 'Declan', 'Myers', 'Veterinary Nurse', 2, 6, 'N1612904', '2023-11-01', NULL, 29000),
 (39, 'Poppy', 'Hargreaves', 'Receptionist', 3, 3, NULL, '2025-04-01', NULL, 22800),
 (40, 'Gwen', 'Ashby', 'Veterinary Surgeon', 1, 1, '7211450', '2025-11-03', NULL, 49000);

-- owners register steadily from January 2021 to December 2025
INSERT INTO owners
SELECT g,
  (ARRAY['Sarah','David','Emma','Paul','Laura','Mark','Hannah','Steven','Rachel','Andrew','Jessica','Chris','Aisha','Daniel','Katie','Imran','Lucy','Gareth','Nina','Peter','Fatima','Simon','Beth','Adam','Olivia','Rhys','Sophie','Ian','Zoe','Karen','Jason','Amy','Neil','Charlotte','Gary','Eleri','Lee','Michelle','Tariq','Joanne','Keith','Alison','Dean','Nicola','Rob','Gemma','Craig','Stacey','Martin','Leah','Wayne','Holly','Graham','Kirsty','Ahmed','Lisa','Colin','Jenny','Dylan','Julie'])[1 + (g*13) % 60],
  (ARRAY['Baker','Cooper','Fletcher','Mason','Shah','Begum','Collins','Jenkins','Reid','Murray','Bennett','Ward','Cox','Bell','Kaur','Ali','Foster','Gray','Marshall','Owen','Powell','Rees','Webb','Young','Parry','Watts','Moss','Davies','Edwards','Roberts','Jones','Williams','Thomas','Lewis','Morgan','Price','Hughes','Smith','Taylor','Brown','Wilson','Wright','Walker','Green','Hall','Wood','Clarke','Turner','Hill','Harris','Jackson','Martin','Thompson','White','Lee','Harrison','Ryan','Kelly','Mills','Barker','Stone','Lawson','Dixon','Holt','Booth','Pugh','Vaughan','Lowe','Nixon','Cartwright'])[1 + (g*17 + g/60) % 70],
  NULL,
  CASE WHEN g % 23 = 0 THEN NULL ELSE '07' || lpad(((g * 7919 + 104729) % 1000000000)::text, 9, '0') END,
  (ARRAY['Chester','Chester','Ellesmere Port','Shrewsbury','Shrewsbury','Oswestry','Wrexham','Wrexham','Mold','Nantwich','Crewe','Whitchurch'])[1 + (g*7) % 12],
  1,
  TIMESTAMP '2021-01-04 09:00' + ((g - 1) * 1811 / 2400) * INTERVAL '1 day' + ((g * 37) % 540) * INTERVAL '1 minute',
  g % 3 <> 0
FROM generate_series(1, 2400) AS g;

UPDATE owners SET email = CASE WHEN owner_id % 9 = 0 THEN NULL
  ELSE lower(first_name) || '.' || lower(last_name) || (owner_id % 100)::text || '@' ||
       (ARRAY['gmail.com','hotmail.co.uk','outlook.com','btinternet.com','yahoo.co.uk'])[1 + owner_id % 5] END;

UPDATE owners SET pref_clinic_id = CASE
  WHEN town IN ('Chester','Ellesmere Port','Mold') THEN 1
  WHEN town IN ('Shrewsbury','Oswestry') THEN 2
  WHEN town IN ('Wrexham','Whitchurch') THEN 3
  ELSE 4 END;
UPDATE owners SET pref_clinic_id = 1 + pref_clinic_id % 4 WHERE owner_id % 13 = 0;

-- pets: 1 to 4 per owner, numbered in owner order
INSERT INTO pets (pet_id, owner_id, pet_name, species, sex)
SELECT row_number() OVER (ORDER BY o, k), o,
  (ARRAY['Bella','Max','Luna','Charlie','Daisy','Milo','Poppy','Teddy','Coco','Alfie','Molly','Bailey','Rosie','Oscar','Willow','Buster','Tilly','Murphy','Nala','Bruno','Ruby','Loki','Maisie','Archie','Pepper','Simba','Honey','Ziggy','Lola','Dexter','Bonnie','Toby','Misty','Rolo','Ellie','Jasper','Biscuit','Smudge','Hazel','Otis','Mabel','Winston','Pip','Cleo','Hugo','Nellie','Ralph','Sooty','Fudge','Gizmo'])[1 + (o*7 + k*19) % 50],
  'x', CASE WHEN (o + k) % 2 = 0 THEN 'F' ELSE 'M' END
FROM generate_series(1, 2400) AS o,
     LATERAL generate_series(1, 1 + (o % 3 = 0)::int + (o % 8 = 0)::int + (o % 29 = 0)::int) AS k;

UPDATE pets SET species = CASE
  WHEN (pet_id * 37) % 100 < 50 THEN 'Dog'
  WHEN (pet_id * 37) % 100 < 85 THEN 'Cat'
  WHEN (pet_id * 37) % 100 < 93 THEN 'Rabbit'
  WHEN (pet_id * 37) % 100 < 96 THEN 'Guinea Pig'
  WHEN (pet_id * 37) % 100 < 98 THEN 'Bird'
  ELSE 'Reptile' END;

UPDATE pets SET
  breed = CASE WHEN pet_id % 13 = 0 THEN NULL ELSE CASE species
    WHEN 'Dog' THEN (ARRAY['Labrador Retriever','Cocker Spaniel','French Bulldog','Border Collie','Cockapoo','Staffordshire Bull Terrier','Jack Russell Terrier','Golden Retriever','Dachshund','German Shepherd','Springer Spaniel','Shih Tzu','Labrador Retriever','Cockapoo'])[1 + (pet_id * 5) % 14]
    WHEN 'Cat' THEN (ARRAY['Domestic Shorthair','Domestic Shorthair','Domestic Shorthair','Domestic Longhair','British Shorthair','Maine Coon','Ragdoll','Bengal','Siamese'])[1 + (pet_id * 5) % 9]
    WHEN 'Rabbit' THEN (ARRAY['Mini Lop','Netherland Dwarf','Lionhead','Rex'])[1 + pet_id % 4]
    WHEN 'Guinea Pig' THEN (ARRAY['Abyssinian','American','Teddy'])[1 + pet_id % 3]
    WHEN 'Bird' THEN (ARRAY['Budgerigar','Cockatiel','African Grey'])[1 + pet_id % 3]
    ELSE (ARRAY['Bearded Dragon','Leopard Gecko','Corn Snake'])[1 + pet_id % 3] END END,
  date_of_birth = CASE WHEN pet_id % 17 = 0 THEN NULL ELSE DATE '2009-02-01' + ((pet_id * 4099) % 5600) END,
  weight_kg = CASE WHEN pet_id % 20 = 7 THEN NULL ELSE CASE species
    WHEN 'Dog' THEN 4.5 + ((pet_id * 131) % 400) / 10.0
    WHEN 'Cat' THEN 2.8 + ((pet_id * 29) % 45) / 10.0
    WHEN 'Rabbit' THEN 1.2 + ((pet_id * 3) % 19) / 10.0
    WHEN 'Guinea Pig' THEN 0.7 + (pet_id % 6) / 10.0
    WHEN 'Bird' THEN 0.04 + (pet_id % 9) / 20.0
    ELSE 0.3 + (pet_id % 5) / 10.0 END END,
  neutered = species IN ('Dog','Cat','Rabbit') AND (pet_id * 3) % 10 < 7,
  microchip_no = CASE WHEN species IN ('Dog','Cat') AND pet_id % 19 <> 0
    THEN '9410000' || lpad(((pet_id * 104729) % 100000000)::text, 8, '0') END,
  insurer = CASE WHEN species IN ('Dog','Cat') AND (pet_id * 11) % 10 < 4
    THEN (ARRAY['Petplan','Animal Friends','ManyPets','Direct Line','Petplan','Agria'])[1 + (pet_id / 10) % 6] END;

-- appointments, chronological by id, 2023-01-03 to 2025-12-31; a pet can only be seen once its owner has registered
CREATE TABLE tmp_days AS
SELECT d::date AS day,
       (SELECT max(p.pet_id) FROM pets p JOIN owners o ON o.owner_id = p.owner_id WHERE o.registered_at::date <= d::date) AS max_pet
FROM generate_series(DATE '2023-01-02', DATE '2025-12-31', INTERVAL '1 day') AS d;

INSERT INTO appointments
SELECT g, p.pet_id,
  CASE WHEN g % 11 = 0 THEN 1 + o.pref_clinic_id % 4 ELSE o.pref_clinic_id END,
  5, NULL, 'x',
  td.day + TIME '08:30' + ((g * 7) % 36) * INTERVAL '15 minute',
  15, 'x', 'x', NULL
FROM generate_series(1, 16800) AS g
JOIN tmp_days td ON td.day = DATE '2023-01-03' + ((g - 1) * 1093 / 16800)
JOIN pets p ON p.pet_id = 1 + (g * 7919 + g / 5) % td.max_pet
JOIN owners o ON o.owner_id = p.owner_id;

DROP TABLE tmp_days;

-- no Sunday surgeries; Saturday only where the clinic opens on Saturdays
UPDATE appointments SET appt_start = appt_start - INTERVAL '1 day'
WHERE extract(dow FROM appt_start) = 0 AND clinic_id IN (1, 3) AND appt_id % 2 = 0;
UPDATE appointments SET appt_start = appt_start + INTERVAL '1 day'
WHERE extract(dow FROM appt_start) = 0;
UPDATE appointments SET appt_start = appt_start - INTERVAL '1 day'
WHERE extract(dow FROM appt_start) = 6 AND clinic_id IN (2, 4);

UPDATE appointments a SET appt_type = CASE
    WHEN appt_id % 20 < 9 THEN 'Consultation'
    WHEN appt_id % 20 < 13 THEN CASE WHEN p.species IN ('Dog','Cat','Rabbit') THEN 'Vaccination' ELSE 'Consultation' END
    WHEN appt_id % 20 < 15 THEN 'Follow-up'
    WHEN appt_id % 20 = 15 THEN CASE WHEN p.species IN ('Dog','Cat') THEN 'Dental' ELSE 'Consultation' END
    WHEN appt_id % 20 < 18 THEN 'Surgery'
    WHEN appt_id % 20 = 18 THEN 'Emergency'
    ELSE 'Nurse clinic' END
FROM pets p WHERE p.pet_id = a.pet_id;

UPDATE appointments SET
  duration_min = CASE appt_type WHEN 'Consultation' THEN 15 WHEN 'Vaccination' THEN 15
      WHEN 'Follow-up' THEN 10 WHEN 'Dental' THEN 90 WHEN 'Surgery' THEN 60 + (appt_id % 3) * 30
      WHEN 'Emergency' THEN 30 ELSE 20 END,
  vet_id = clinic_id + 4 * (1 + appt_id % 3),
  booking_channel = CASE WHEN appt_type = 'Emergency' THEN 'Phone'
      WHEN appt_id % 10 < 4 THEN 'Online' WHEN appt_id % 10 < 9 THEN 'Phone' ELSE 'Walk-in' END,
  status = CASE WHEN appt_start >= TIMESTAMP '2025-12-20' THEN 'Booked'
      WHEN appt_type = 'Emergency' THEN 'Completed'
      WHEN ((appt_id * 7919) % 1009) % 40 IN (0, 1) THEN 'Cancelled'
      WHEN ((appt_id * 7919) % 1009) % 40 = 2 THEN 'No-show'
      ELSE 'Completed' END,
  reason = CASE WHEN appt_type IN ('Consultation','Emergency') AND appt_id % 4 <> 3 THEN
      (ARRAY['Limping','Vomiting','Diarrhoea','Itchy skin','Ear infection','Not eating','Lump found','Eye discharge','Coughing','Weight loss','Lethargy','Wound','Annual health check','Bad breath','Urinary problems','Road traffic accident','Ate something toxic'])[1 + (((appt_id * 7) % 100) * ((appt_id * 13) % 100) / 100) * 17 / 100] END;

UPDATE appointments SET vet_id = 37 WHERE vet_id = 11 AND appt_start > DATE '2024-06-01';
UPDATE appointments SET vet_id = 40 WHERE vet_id = 5 AND appt_start >= DATE '2025-11-03' AND appt_id % 2 = 0;
UPDATE appointments SET booked_by = CASE WHEN booking_channel = 'Online' THEN NULL
    ELSE clinic_id + 28 + 4 * (appt_id % 2) END;
UPDATE appointments SET booked_by = 39 WHERE booked_by = 31 AND appt_start > DATE '2025-03-15';

INSERT INTO treatments VALUES
 ('CONS',     'Standard consultation',            'Consultation', 52.00, true),
 ('CONS-EMG', 'Emergency consultation',           'Consultation', 149.00, true),
 ('FU',       'Follow-up consultation',           'Consultation', 29.00, true),
 ('VAC-DOG',  'Dog booster vaccination',          'Vaccination', 64.50, true),
 ('VAC-CAT',  'Cat booster vaccination',          'Vaccination', 61.00, true),
 ('VAC-RAB',  'Rabbit vaccination (RHD2/Myxo)',   'Vaccination', 58.00, true),
 ('KC',       'Kennel cough vaccine',             'Vaccination', 39.00, true),
 ('ANAES',    'General anaesthetic',              'Surgery', 168.00, true),
 ('NEUT-M',   'Castration',                       'Surgery', 215.00, true),
 ('NEUT-F',   'Spay (ovariohysterectomy)',        'Surgery', 329.00, true),
 ('LUMP',     'Lump removal',                     'Surgery', 345.00, true),
 ('WOUND',    'Wound repair',                     'Surgery', 262.00, true),
 ('DENT',     'Dental scale and polish',          'Dental', 289.00, true),
 ('EXTR',     'Tooth extraction',                 'Dental', 96.00, true),
 ('XRAY',     'X-ray',                            'Diagnostics', 124.00, true),
 ('BLOOD',    'Blood panel',                      'Diagnostics', 92.00, true),
 ('ULTRA',    'Ultrasound scan',                  'Diagnostics', 185.00, false),
 ('ABX',      'Antibiotics course',               'Medication', 28.40, true),
 ('NSAID',    'Pain relief (NSAID)',              'Medication', 24.90, true),
 ('FLEA',     'Flea treatment',                   'Preventive', 18.50, true),
 ('WORM',     'Worming tablet',                   'Preventive', 12.75, true),
 ('MCHIP',    'Microchipping',                    'Preventive', 25.00, true),
 ('NAIL',     'Nail clip',                        'Nursing', 12.00, true),
 ('ANAL',     'Anal gland expression',            'Nursing', 22.00, true),
 ('FLUIDS',   'IV fluids',                        'Hospitalisation', 78.00, true),
 ('HOSP',     'Hospitalisation (per day)',        'Hospitalisation', 98.00, true),
 ('EUTH',     'Euthanasia',                       'End of life', 192.00, true),
 ('CREM',     'Individual cremation',             'End of life', 138.00, true);

INSERT INTO appt_items (item_id, appt_id, treatment_code, qty, unit_price, performed_by)
WITH a AS (
  SELECT a.appt_id, a.appt_type, a.vet_id, a.clinic_id, a.appt_start, p.species
  FROM appointments a JOIN pets p ON p.pet_id = a.pet_id WHERE a.status = 'Completed'
), l AS (
  SELECT appt_id, 1 AS ln, 'CONS' AS code, 1 AS qty, vet_id AS who FROM a WHERE appt_type = 'Consultation'
  UNION ALL SELECT appt_id, 2, 'ABX', 1, NULL FROM a WHERE appt_type = 'Consultation' AND appt_id % 3 = 0
  UNION ALL SELECT appt_id, 3, 'NSAID', 1, NULL FROM a WHERE appt_type = 'Consultation' AND appt_id % 5 = 0
  UNION ALL SELECT appt_id, 4, 'BLOOD', 1, 16 + clinic_id + 4 * (appt_id % 3) FROM a WHERE appt_type = 'Consultation' AND appt_id % 7 = 0
  UNION ALL SELECT appt_id, 5, 'XRAY', 1, vet_id FROM a WHERE appt_type = 'Consultation' AND appt_id % 11 = 0
  UNION ALL SELECT appt_id, 1, CASE species WHEN 'Dog' THEN 'VAC-DOG' WHEN 'Cat' THEN 'VAC-CAT' ELSE 'VAC-RAB' END, 1, vet_id FROM a WHERE appt_type = 'Vaccination'
  UNION ALL SELECT appt_id, 2, 'KC', 1, vet_id FROM a WHERE appt_type = 'Vaccination' AND species = 'Dog' AND (appt_id / 20) % 4 = 0
  UNION ALL SELECT appt_id, 3, 'FLEA', 1, NULL FROM a WHERE appt_type = 'Vaccination' AND appt_id % 3 = 0
  UNION ALL SELECT appt_id, 4, 'WORM', 1, NULL FROM a WHERE appt_type = 'Vaccination' AND (appt_id / 20) % 4 = 1
  UNION ALL SELECT appt_id, 1, 'ANAES', 1, vet_id FROM a WHERE appt_type IN ('Surgery','Dental')
  UNION ALL SELECT appt_id, 2, (ARRAY['NEUT-M','NEUT-F','LUMP','WOUND'])[1 + (appt_id / 20) % 4], 1, vet_id FROM a WHERE appt_type = 'Surgery'
  UNION ALL SELECT appt_id, 3, 'NSAID', 1, NULL FROM a WHERE appt_type = 'Surgery'
  UNION ALL SELECT appt_id, 4, 'HOSP', 1 + appt_id % 2, 16 + clinic_id + 4 * (appt_id % 3) FROM a WHERE appt_type = 'Surgery' AND appt_id % 3 = 0
  UNION ALL SELECT appt_id, 2, 'DENT', 1, vet_id FROM a WHERE appt_type = 'Dental'
  UNION ALL SELECT appt_id, 3, 'EXTR', 1 + (appt_id / 20) % 4, vet_id FROM a WHERE appt_type = 'Dental' AND (appt_id / 20) % 2 = 0
  UNION ALL SELECT appt_id, 1, 'FU', 1, vet_id FROM a WHERE appt_type = 'Follow-up'
  UNION ALL SELECT appt_id, 1, 'CONS-EMG', 1, vet_id FROM a WHERE appt_type = 'Emergency'
  UNION ALL SELECT appt_id, 2, 'XRAY', 1, vet_id FROM a WHERE appt_type = 'Emergency' AND (appt_id / 20) % 2 = 0
  UNION ALL SELECT appt_id, 3, 'FLUIDS', 1, 16 + clinic_id + 4 * (appt_id % 3) FROM a WHERE appt_type = 'Emergency' AND (appt_id / 20) % 3 = 0
  UNION ALL SELECT appt_id, 4, 'HOSP', 1 + appt_id % 3, 16 + clinic_id + 4 * (appt_id % 3) FROM a WHERE appt_type = 'Emergency' AND (appt_id / 20) % 4 = 0
  UNION ALL SELECT appt_id, 1, (ARRAY['NAIL','ANAL','MCHIP'])[1 + appt_id % 3], 1, 16 + clinic_id + 4 * (appt_id % 3) FROM a WHERE appt_type = 'Nurse clinic'
)
SELECT row_number() OVER (ORDER BY l.appt_id, l.ln), l.appt_id, l.code, l.qty,
  round(t.list_price * CASE WHEN a.appt_start < DATE '2024-01-01' THEN 0.90
                            WHEN a.appt_start < DATE '2025-01-01' THEN 0.95 ELSE 1 END, 2),
  l.who
FROM l JOIN a ON a.appt_id = l.appt_id JOIN treatments t ON t.treatment_code = l.code;

UPDATE appt_items SET performed_by = 38 WHERE performed_by = 22
  AND appt_id IN (SELECT appt_id FROM appointments WHERE appt_start > DATE '2023-10-01');

INSERT INTO invoices
SELECT row_number() OVER (ORDER BY a.appt_id),
  'INV-' || (100000 + row_number() OVER (ORDER BY a.appt_id))::text,
  a.appt_id, p.owner_id, a.appt_start::date, a.appt_start::date + 30,
  s.subtotal,
  CASE WHEN p.owner_id % 15 = 0 THEN round(s.subtotal * 0.10, 2) ELSE 0 END,
  s.subtotal - CASE WHEN p.owner_id % 15 = 0 THEN round(s.subtotal * 0.10, 2) ELSE 0 END,
  'x', NULL
FROM appointments a
JOIN pets p ON p.pet_id = a.pet_id
JOIN (SELECT appt_id, sum(qty * unit_price) AS subtotal FROM appt_items GROUP BY appt_id) s ON s.appt_id = a.appt_id;

UPDATE invoices SET status = CASE
  WHEN issued_on > DATE '2025-12-01' AND invoice_id % 3 <> 0 THEN 'Unpaid'
  WHEN invoice_id % 53 = 0 THEN 'Written off'
  WHEN invoice_id % 19 = 0 THEN 'Part paid'
  WHEN invoice_id % 41 = 0 THEN 'Unpaid'
  ELSE 'Paid' END;
UPDATE invoices SET paid_on = issued_on + CASE WHEN invoice_id % 5 = 0 THEN 3 + invoice_id % 27 ELSE 0 END
WHERE status = 'Paid';

INSERT INTO payments
WITH i AS (
  SELECT i.*, a.clinic_id, p.insurer
  FROM invoices i JOIN appointments a ON a.appt_id = i.appt_id JOIN pets p ON p.pet_id = a.pet_id
), x AS (
  -- deposit on the day for large paid bills, rest on paid_on
  SELECT invoice_id, 1 AS k, issued_on AS d, 100.00::numeric AS amt, 'Card' AS m, clinic_id FROM i
    WHERE status = 'Paid' AND total_amt > 300 AND invoice_id % 2 = 0 AND paid_on > issued_on
  UNION ALL
  SELECT invoice_id, 2, paid_on,
    total_amt - CASE WHEN total_amt > 300 AND invoice_id % 2 = 0 AND paid_on > issued_on THEN 100 ELSE 0 END,
    CASE WHEN insurer IS NOT NULL AND total_amt > 250 THEN 'Insurance'
         WHEN invoice_id % 10 < 7 THEN 'Card' WHEN invoice_id % 10 < 9 THEN 'Cash' ELSE 'Bank transfer' END,
    clinic_id FROM i WHERE status = 'Paid'
  UNION ALL
  SELECT invoice_id, 1, issued_on, round(total_amt / 2, 2), 'Card', clinic_id FROM i WHERE status = 'Part paid'
)
SELECT row_number() OVER (ORDER BY d, invoice_id, k), invoice_id,
  d + TIME '09:00' + ((invoice_id * 17 + k) % 500) * INTERVAL '1 minute', amt, m,
  CASE WHEN m IN ('Insurance','Bank transfer') THEN NULL ELSE clinic_id + 28 + 4 * (invoice_id % 2) END
FROM x;

UPDATE payments SET taken_by = 39 WHERE taken_by = 31 AND paid_at > DATE '2025-03-15';

INSERT INTO vaccinations
WITH v AS (
  SELECT a.appt_id, a.pet_id, a.vet_id, a.appt_start::date AS d, p.species, 1 AS k
  FROM appointments a JOIN pets p ON p.pet_id = a.pet_id
  WHERE a.status = 'Completed' AND a.appt_type = 'Vaccination'
  UNION ALL
  SELECT a.appt_id, a.pet_id, a.vet_id, a.appt_start::date, 'KC', 2
  FROM appointments a JOIN appt_items i ON i.appt_id = a.appt_id AND i.treatment_code = 'KC'
)
SELECT row_number() OVER (ORDER BY d, appt_id, k), pet_id, appt_id,
  CASE species WHEN 'Dog' THEN 'DHPPi + Lepto 4' WHEN 'Cat' THEN 'Feline RCP + FeLV'
               WHEN 'Rabbit' THEN 'RHD2 + Myxomatosis' ELSE 'Kennel Cough (intranasal)' END,
  CASE WHEN appt_id % 12 = 0 THEN NULL ELSE 'B' || to_char(d, 'YYMM') || '-' || (appt_id % 97)::text END,
  d, d + 365, vet_id
FROM v;

-- pets that died: a few weeks after their last visit
UPDATE pets p SET deceased_on = x.last_visit + 5 + p.pet_id % 40
FROM (SELECT pet_id, max(appt_start)::date AS last_visit FROM appointments GROUP BY pet_id) x
WHERE x.pet_id = p.pet_id AND p.pet_id % 31 = 0 AND x.last_visit < DATE '2025-10-01';

-- a pet is born before its first visit
UPDATE pets p SET date_of_birth = x.first_visit - 60 - p.pet_id % 200
FROM (SELECT pet_id, min(appt_start)::date AS first_visit FROM appointments GROUP BY pet_id) x
WHERE x.pet_id = p.pet_id AND p.date_of_birth > x.first_visit - 60;
