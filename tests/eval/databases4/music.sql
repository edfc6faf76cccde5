-- Online music store: artists, albums, tracks with genres and media formats, playlists, customers and their support representatives, employees, invoices and invoice lines

CREATE TABLE genres (
  genre_id integer PRIMARY KEY,
  name     text NOT NULL UNIQUE
);

CREATE TABLE media_formats (
  media_format_id integer PRIMARY KEY,
  name            text NOT NULL UNIQUE
);

CREATE TABLE artists (
  artist_id integer PRIMARY KEY,
  name      text NOT NULL,
  country   text
);

CREATE TABLE albums (
  album_id     integer PRIMARY KEY,
  title        text NOT NULL,
  artist_id    integer NOT NULL REFERENCES artists(artist_id),
  release_year integer
);

CREATE TABLE tracks (
  track_id        integer PRIMARY KEY,
  name            text NOT NULL,
  album_id        integer NOT NULL REFERENCES albums(album_id),
  genre_id        integer REFERENCES genres(genre_id),
  media_format_id integer NOT NULL REFERENCES media_formats(media_format_id),
  composer        text,
  milliseconds    integer NOT NULL,
  bytes           bigint NOT NULL,
  unit_price      numeric(6,2) NOT NULL
);
COMMENT ON COLUMN tracks.milliseconds IS 'Track length in milliseconds';
COMMENT ON COLUMN tracks.bytes IS 'File size of the download in bytes';

CREATE TABLE playlists (
  playlist_id integer PRIMARY KEY,
  name        text NOT NULL
);

CREATE TABLE playlist_tracks (
  playlist_id integer NOT NULL REFERENCES playlists(playlist_id),
  track_id    integer NOT NULL REFERENCES tracks(track_id),
  PRIMARY KEY (playlist_id, track_id)
);

CREATE TABLE employees (
  employee_id integer PRIMARY KEY,
  first_name  text NOT NULL,
  last_name   text NOT NULL,
  title       text NOT NULL,
  reports_to  integer REFERENCES employees(employee_id),
  birth_date  date NOT NULL,
  hire_date   date NOT NULL,
  city        text NOT NULL,
  country     text NOT NULL,
  email       text NOT NULL UNIQUE
);
COMMENT ON COLUMN employees.reports_to IS 'Manager of this employee; NULL for the general manager';

CREATE TABLE customers (
  customer_id    integer PRIMARY KEY,
  first_name     text NOT NULL,
  last_name      text NOT NULL,
  company        text,
  city           text NOT NULL,
  state          text,
  country        text NOT NULL,
  email          text NOT NULL UNIQUE,
  support_rep_id integer REFERENCES employees(employee_id)
);
COMMENT ON COLUMN customers.support_rep_id IS 'Employee who handles this customer''s support requests';

CREATE TABLE invoices (
  invoice_id      integer PRIMARY KEY,
  customer_id     integer NOT NULL REFERENCES customers(customer_id),
  invoice_date    date NOT NULL,
  billing_city    text NOT NULL,
  billing_country text NOT NULL,
  total           numeric(10,2) NOT NULL DEFAULT 0
);

CREATE TABLE invoice_lines (
  invoice_line_id integer PRIMARY KEY,
  invoice_id      integer NOT NULL REFERENCES invoices(invoice_id),
  track_id        integer NOT NULL REFERENCES tracks(track_id),
  unit_price      numeric(6,2) NOT NULL,
  quantity        integer NOT NULL CHECK (quantity > 0)
);

INSERT INTO genres (genre_id, name) VALUES
 (1,'Rock'),(2,'Pop'),(3,'Jazz'),(4,'Electronic'),(5,'Hip Hop'),(6,'Classical'),
 (7,'Blues'),(8,'Metal'),(9,'Folk'),(10,'Soul'),(11,'Reggae'),(12,'Country');

INSERT INTO media_formats (media_format_id, name) VALUES
 (1,'MP3 320 kbps'),(2,'AAC 256 kbps'),(3,'FLAC lossless'),(4,'Hi-Res FLAC 24-bit');

INSERT INTO artists (artist_id, name, country) VALUES
 (1,'The Copper Lanterns','United Kingdom'),(2,'Marisol Vega','Spain'),(3,'Northbound Static','Canada'),
 (4,'Iron Meridian','Sweden'),(5,'Lena Hartmann Quartet','Germany'),(6,'Dusty Road Revival','United States'),
 (7,'Kofi Mensah','Ghana'),(8,'Velvet Arcade','United States'),(9,'Ana Beatriz Lobo','Brazil'),
 (10,'Glasshouse Theory','Australia'),(11,'Ravi Kandasamy','India'),(12,'The Hollow Pines','Canada'),
 (13,'DJ Orbitale','France'),(14,'Saltmarsh','Ireland'),(15,'Yuki Tanabe Trio','Japan'),
 (16,'Blackwater Union','United States'),(17,'Camille Roux','France'),(18,'Static Bloom','United Kingdom'),
 (19,'Los Hermanos Cielo','Mexico'),(20,'Orchestra of the Lakes','Finland'),(21,'Bluebird Avenue','United States'),
 (22,'Nadia Petrova','Russia'),(23,'Fjordlight','Norway'),(24,'MC Tarmac','United Kingdom'),
 (25,'Harbor & Pine','New Zealand'),(26,'Solenne','Belgium'),(27,'Thunder Caravan','Australia'),
 (28,'Greta Lindqvist','Sweden'),(29,'Kingston Roots Collective','Jamaica'),(30,'Midnight Telegraph',NULL),
 (31,'The Paper Moons','United States'),(32,'Aurelio Bassi','Italy'),(33,'Neon Cartography',NULL),
 (34,'Willow Creek Ramblers','United States'),(35,'Sahara Circuit','Morocco');

-- Main genre of each artist, used to derive the tracks' genres.
CREATE TEMP TABLE artist_genre (artist_id integer, genre_id integer);
INSERT INTO artist_genre VALUES
 (1,1),(2,2),(3,1),(4,8),(5,3),(6,12),(7,10),(8,2),(9,2),(10,4),(11,6),(12,9),(13,4),(14,9),(15,3),
 (16,1),(17,2),(18,1),(19,2),(20,6),(21,7),(22,6),(23,4),(24,5),(25,9),(26,2),(27,8),(28,3),(29,11),
 (30,1),(31,1),(32,6),(33,4),(34,12),(35,5);

-- 110 albums; low artist ids have more of them.
INSERT INTO albums (album_id, title, artist_id, release_year)
SELECT a,
       (ARRAY['Midnight','Golden','Broken','Silver','Electric','Quiet','Wild','Paper','Northern','Burning','Hidden','Crimson','Endless','Hollow','Velvet'])[1 + (a - 1) % 15]
       || ' ' ||
       (ARRAY['Harbor','Skies','Letters','Rivers','Machines','Gardens','Hearts','Roads','Signals','Tides','Cities','Mirrors'])[1 + (((a - 1) / 15) * 5 + (a - 1) % 15) % 12],
       1 + floor(35 * power(((a * 37) % 110) / 110.0, 1.6))::int,
       1994 + (a * 13) % 32
FROM generate_series(1, 110) AS a;

-- Tracks: 8 to 20 per album.
INSERT INTO tracks (track_id, name, album_id, genre_id, media_format_id, composer, milliseconds, bytes, unit_price)
SELECT row_number() OVER (ORDER BY al.album_id, n),
       (ARRAY['Falling','Waiting','Running','Dancing','Dreaming','Burning','Calling','Drifting','Holding','Breaking','Chasing','Shining','Fading','Singing','Rising','Wandering','Leaving','Counting'])[1 + (al.album_id * 7 + n * 3) % 18]
       || ' ' ||
       (ARRAY['for You','in the Rain','Home','Slowly','at Dawn','Through Fire','on Empty','Alone','Again','Tonight','in Blue','Forever','Underground','by the Sea','in Silence','on the Wire','Backwards','in Paris','Sideways','with Ghosts'])[1 + (al.album_id * 11 + n * 7) % 20],
       al.album_id,
       CASE WHEN (al.album_id * 3 + n) % 41 = 0 THEN NULL
            WHEN (al.album_id + n) % 9 = 0 THEN 1 + (al.album_id + n * 5) % 12
            ELSE ag.genre_id END,
       CASE WHEN (al.album_id + n) % 13 = 0 THEN 4
            WHEN (al.album_id * 2 + n) % 5 = 0 THEN 3
            WHEN (al.album_id + n * 3) % 4 = 0 THEN 2 ELSE 1 END,
       CASE WHEN (al.album_id + n) % 4 = 0 THEN NULL
            ELSE (ARRAY['J. Whitford','M. Vega','T. Okafor','L. Hartmann','R. Kandasamy','S. Delacroix','A. Bassi','K. Mensah','G. Lindqvist','P. Moreau','D. Callahan','Y. Tanabe','H. Brandt','C. Roux'])[1 + (al.album_id * 5 + n) % 14] END,
       CASE WHEN ag.genre_id = 6 THEN 240000 + ((al.album_id * 7919 + n * 104729) % 720000)
            ELSE 125000 + ((al.album_id * 7919 + n * 104729) % 260000) + ((al.album_id + n) % 7) * 173 END,
       0,
       0
FROM albums al
JOIN artist_genre ag ON ag.artist_id = al.artist_id
CROSS JOIN LATERAL generate_series(1, 8 + (al.album_id * 7) % 13) AS n;

UPDATE tracks SET
  bytes = milliseconds::bigint * CASE media_format_id WHEN 1 THEN 40 WHEN 2 THEN 32 WHEN 3 THEN 110 ELSE 290 END
          + (track_id * 7717) % 50000,
  unit_price = CASE media_format_id WHEN 4 THEN 1.99 WHEN 3 THEN 1.29 ELSE 0.99 END;

INSERT INTO playlists (playlist_id, name) VALUES
 (1,'Road Trip'),(2,'Late Night Jazz'),(3,'Workout Mix'),(4,'Sunday Morning'),(5,'Classical Essentials'),
 (6,'Rock Anthems'),(7,'Chill Electronic'),(8,'Dinner Party'),(9,'Focus'),(10,'Throwbacks'),
 (11,'Acoustic Evenings'),(12,'Party Starters');

INSERT INTO playlist_tracks (playlist_id, track_id)
SELECT DISTINCT p, 1 + ((p * 389 + k * 97) % (SELECT count(*) FROM tracks))::int
FROM generate_series(1, 12) AS p
CROSS JOIN LATERAL generate_series(1, 25 + (p * 53) % 140) AS k;

INSERT INTO employees (employee_id, first_name, last_name, title, reports_to, birth_date, hire_date, city, country, email) VALUES
 (1,'Helen','Marsh','General Manager',NULL,'1968-03-14','2019-02-01','Toronto','Canada','helen.marsh@tunebay.example'),
 (2,'Owen','Fitzgerald','Sales Manager',1,'1975-11-02','2019-06-17','Toronto','Canada','owen.fitzgerald@tunebay.example'),
 (3,'Priya','Nair','Sales Support Agent',2,'1990-07-21','2020-01-06','Calgary','Canada','priya.nair@tunebay.example'),
 (4,'Marcus','Lindgren','Sales Support Agent',2,'1986-01-30','2020-09-14','Calgary','Canada','marcus.lindgren@tunebay.example'),
 (5,'Jasmine','Okoro','Sales Support Agent',2,'1994-05-09','2022-03-01','Toronto','Canada','jasmine.okoro@tunebay.example'),
 (6,'Daniel','Reyes','IT Manager',1,'1979-09-18','2019-04-22','Toronto','Canada','daniel.reyes@tunebay.example'),
 (7,'Sofia','Brandt','IT Staff',6,'1992-12-03','2021-08-16','Ottawa','Canada','sofia.brandt@tunebay.example'),
 (8,'Tom','Hadley','IT Staff',6,'1997-02-27','2023-05-08','Ottawa','Canada','tom.hadley@tunebay.example'),
 (9,'Grace','Whitaker','Sales Support Agent',2,'1988-10-12','2024-02-19','Vancouver','Canada','grace.whitaker@tunebay.example');

CREATE TEMP TABLE places (k integer, city text, state text, country text);
INSERT INTO places VALUES
 (0,'New York','NY','United States'),(1,'Toronto','ON','Canada'),(2,'London',NULL,'United Kingdom'),
 (3,'Berlin',NULL,'Germany'),(4,'Chicago','IL','United States'),(5,'Paris',NULL,'France'),
 (6,'São Paulo','SP','Brazil'),(7,'Austin','TX','United States'),(8,'Vancouver','BC','Canada'),
 (9,'Sydney','NSW','Australia'),(10,'Madrid',NULL,'Spain'),(11,'Dublin',NULL,'Ireland'),
 (12,'Seattle','WA','United States'),(13,'Montreal','QC','Canada'),(14,'Munich',NULL,'Germany'),
 (15,'Lisbon',NULL,'Portugal'),(16,'Amsterdam',NULL,'Netherlands'),(17,'Boston','MA','United States'),
 (18,'Stockholm',NULL,'Sweden'),(19,'Prague',NULL,'Czech Republic'),(20,'Melbourne','VIC','Australia'),
 (21,'Rio de Janeiro','RJ','Brazil'),(22,'Santiago',NULL,'Chile'),(23,'Warsaw',NULL,'Poland'),
 (24,'Oslo',NULL,'Norway'),(25,'Mumbai',NULL,'India'),(26,'Manchester',NULL,'United Kingdom'),
 (27,'Buenos Aires',NULL,'Argentina');

-- 140 customers; big cities come up more often.
INSERT INTO customers (customer_id, first_name, last_name, company, city, state, country, email, support_rep_id)
SELECT c, fn, ln,
       CASE WHEN c % 6 = 0 THEN (ARRAY['Northwind Media','Bluefin Studios','Arcadia Labs','Kestrel Design','Lumen Audio','Pinecrest Records','Orbit Games'])[1 + (c / 6) % 7] END,
       pl.city, pl.state, pl.country,
       lower(fn) || '.' || lower(replace(ln, ' ', '')) || c || '@mail.example',
       CASE WHEN c % 17 = 0 THEN NULL ELSE (ARRAY[3,4,5,3,9,4,3])[1 + c % 7] END
FROM generate_series(1, 140) AS c
CROSS JOIN LATERAL (SELECT
   (ARRAY['Emma','Liam','Olivia','Noah','Ava','Lucas','Mia','Hugo','Chloe','Mateo','Zoe','Arjun','Leah','Felix','Nora','Diego','Ingrid','Kenji','Amara','Tomas','Elif','Jonas','Camila','Ethan'])[1 + (c * 7) % 24] AS fn,
   (ARRAY['Walsh','Moreau','Silva','Becker','Novak','Kowalski','Andersson','Fernandes','Murphy','Schultz','Rossi','Tanaka','Patel','Dubois','Costa','Jensen','Garcia','Brennan','Okafor','Lindholm','Ward','Kim','Herrera','Vasquez','Nguyen','Fischer'])[1 + (c * 11 + c / 24) % 26] AS ln) AS nm
JOIN places pl ON pl.k = floor(28 * power(((c * 29) % 140) / 140.0, 1.7))::int;

-- 1,100 invoices over 2021-2025, more each year; a few customers buy far more often.
INSERT INTO invoices (invoice_id, customer_id, invoice_date, billing_city, billing_country)
SELECT i, cu.customer_id, d, cu.city, cu.country
FROM generate_series(1, 1100) AS i
CROSS JOIN LATERAL (SELECT date '2021-01-01' + floor(1826 * sqrt(i / 1100.0))::int - 1 + (i % 2) AS d0) x
CROSS JOIN LATERAL (SELECT LEAST(x.d0, date '2025-12-31') AS d) y
JOIN customers cu ON cu.customer_id = 1 + floor(140 * power(((i * 61) % 1100) / 1100.0, 1.3))::int;

INSERT INTO invoice_lines (invoice_line_id, invoice_id, track_id, unit_price, quantity)
SELECT row_number() OVER (ORDER BY i.invoice_id, l), i.invoice_id, t.track_id, t.unit_price,
       CASE WHEN (i.invoice_id + l) % 11 = 0 THEN 2 ELSE 1 END
FROM invoices i
CROSS JOIN LATERAL generate_series(1, 1 + (i.invoice_id * 7) % 9) AS l
JOIN tracks t ON t.track_id = 1 + ((i.invoice_id * 131 + l * 977) % (SELECT count(*) FROM tracks));

UPDATE invoices i SET total = s.total
FROM (SELECT invoice_id, sum(unit_price * quantity) AS total FROM invoice_lines GROUP BY invoice_id) s
WHERE s.invoice_id = i.invoice_id;
