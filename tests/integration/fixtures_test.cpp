// The test fixtures themselves: throwaway PostgreSQL and nats-server, sample data, processes.

#include "tests/support/servers.hpp"

#include <gtest/gtest.h>
#include <nats/nats.h>
#include <pqxx/pqxx>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace mt = medha::testing;
using namespace std::chrono_literals;

namespace {

int64_t scalar(const std::string& conninfo, const std::string& sql) {
  pqxx::connection c(conninfo);
  pqxx::read_transaction tx(c);
  return tx.exec1(sql)[0].as<int64_t>();
}

/// Tables and columns of the public schema without a COMMENT.
int64_t uncommented(const std::string& conninfo) {
  return scalar(conninfo,
                "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                "        WHERE n.nspname = 'public' AND c.relkind = 'r'"
                "          AND obj_description(c.oid, 'pg_class') IS NULL)"
                "     + (SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                "        JOIN pg_namespace n ON n.oid = c.relnamespace"
                "        WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0"
                "          AND NOT a.attisdropped AND col_description(c.oid, a.attnum) IS NULL)");
}

bool nats_connects(const std::string& url) {
  natsConnection* conn = nullptr;
  natsStatus s = natsConnection_ConnectTo(&conn, url.c_str());
  if (conn)
    natsConnection_Destroy(conn);
  return s == NATS_OK;
}

} // namespace

TEST(PostgresFixture, StartsOnLoopbackAndAcceptsQueries) {
  auto& pg = mt::postgres_server::shared();
  EXPECT_GT(pg.port(), 0);
  EXPECT_NE(pg.conninfo("postgres").find("host=127.0.0.1"), std::string::npos);
  EXPECT_EQ(scalar(pg.conninfo("postgres"), "SELECT 1"), 1);
  EXPECT_EQ(scalar(pg.conninfo("postgres"), "SHOW server_version_num") / 10000, 15);
}

TEST(PostgresFixture, SampleSalesLoadsWithComments) {
  auto& pg = mt::postgres_server::shared();
  ASSERT_NO_THROW(pg.load_sample("sales"));
  ASSERT_NO_THROW(pg.load_sample("sales")); // cached: no reload
  auto ci = pg.conninfo("sales");
  EXPECT_GE(scalar(ci, "SELECT count(*) FROM order_items"), 100000);
  EXPECT_EQ(scalar(ci, "SELECT count(*) FROM regions"), 5);
  EXPECT_EQ(scalar(ci, "SELECT count(*) FROM categories"), 8);
  EXPECT_EQ(scalar(ci, "SELECT count(*) FROM customers"), 5000);
  EXPECT_EQ(scalar(ci, "SELECT count(*) FROM orders WHERE order_date < DATE '2022-01-01'"
                       " OR order_date > DATE '2024-12-31'"),
            0);
  // Every table and every column carries a comment.
  EXPECT_EQ(uncommented(ci), 0);
  // Growth year over year.
  EXPECT_LT(scalar(ci, "SELECT count(*) FROM orders WHERE extract(year FROM order_date) = 2022"),
            scalar(ci, "SELECT count(*) FROM orders WHERE extract(year FROM order_date) = 2024"));
}

TEST(PostgresFixture, SupportAndHrSamplesLoad) {
  auto& pg = mt::postgres_server::shared();
  ASSERT_NO_THROW(pg.load_sample("support"));
  ASSERT_NO_THROW(pg.load_sample("hr"));
  EXPECT_GE(scalar(pg.conninfo("support"), "SELECT count(*) FROM tickets"), 1000);
  EXPECT_GE(scalar(pg.conninfo("hr"), "SELECT count(*) FROM employees"), 200);
  EXPECT_EQ(scalar(pg.conninfo("hr"), "SELECT count(*) FROM employees WHERE manager_id IS NULL"), 1);
  EXPECT_EQ(uncommented(pg.conninfo("support")), 0);
  EXPECT_EQ(uncommented(pg.conninfo("hr")), 0);
}

TEST(PostgresFixture, CreateDatabaseAndLoadSqlFile) {
  auto& pg = mt::postgres_server::shared();
  auto dir = mt::make_temp_dir("medha-sql-");
  auto file = dir + "/t.sql";
  std::ofstream(file) << "CREATE TABLE t (x int); INSERT INTO t VALUES (1), (2), (3);\n";
  pg.create_database("fixture_scratch");
  pg.load_sql_file("fixture_scratch", file);
  EXPECT_EQ(scalar(pg.conninfo("fixture_scratch"), "SELECT sum(x) FROM t"), 6);
  // Recreating drops the old contents, even with a session open.
  pqxx::connection open_session(pg.conninfo("fixture_scratch"));
  pg.create_database("fixture_scratch");
  EXPECT_EQ(scalar(pg.conninfo("fixture_scratch"),
                   "SELECT count(*) FROM pg_tables WHERE tablename = 't'"),
            0);
  // A broken file fails with psql's message.
  std::ofstream(file) << "SELECT * FROM no_such_table;\n";
  try {
    pg.load_sql_file("fixture_scratch", file);
    ADD_FAILURE() << "expected an exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("no_such_table"), std::string::npos) << e.what();
  }
  std::filesystem::remove_all(dir);
}

TEST(PostgresFixture, StopAndStartOnTheSamePort) {
  auto& pg = mt::postgres_server::shared();
  const int port = pg.port();
  const auto ci = pg.conninfo("postgres");
  ASSERT_EQ(scalar(ci, "SELECT 1"), 1);
  pg.stop();
  EXPECT_FALSE(pg.running());
  EXPECT_THROW(pqxx::connection{ci}, pqxx::broken_connection);
  pg.start();
  EXPECT_TRUE(pg.running());
  EXPECT_EQ(pg.port(), port);
  EXPECT_EQ(scalar(ci, "SELECT 1"), 1);
}

TEST(NatsFixture, AcceptsConnectionsAndRestarts) {
  mt::nats_server nats;
  EXPECT_EQ(nats.url(), "nats://127.0.0.1:" + std::to_string(nats.port()));
  EXPECT_TRUE(nats_connects(nats.service_url()));
  // Authorization is on: an anonymous client is refused.
  EXPECT_FALSE(nats_connects(nats.url()));

  // A message round trip.
  natsConnection* conn = nullptr;
  ASSERT_EQ(natsConnection_ConnectTo(&conn, nats.service_url().c_str()), NATS_OK);
  natsSubscription* sub = nullptr;
  ASSERT_EQ(natsConnection_SubscribeSync(&sub, conn, "fixture.ping"), NATS_OK);
  ASSERT_EQ(natsConnection_PublishString(conn, "fixture.ping", "hello"), NATS_OK);
  natsMsg* msg = nullptr;
  ASSERT_EQ(natsSubscription_NextMsg(&msg, sub, 2000), NATS_OK);
  EXPECT_EQ(std::string(natsMsg_GetData(msg), natsMsg_GetDataLength(msg)), "hello");
  natsMsg_Destroy(msg);
  natsSubscription_Destroy(sub);
  natsConnection_Destroy(conn);

  const int port = nats.port();
  nats.stop();
  EXPECT_FALSE(nats.running());
  EXPECT_FALSE(nats_connects(nats.service_url()));
  nats.start();
  EXPECT_EQ(nats.port(), port);
  EXPECT_TRUE(nats_connects(nats.service_url()));
}

TEST(NatsFixture, PortsComeFromOutsideTheEphemeralRange) {
  int lo = 0, hi = 0;
  std::ifstream{"/proc/sys/net/ipv4/ip_local_port_range"} >> lo >> hi;
  for (int i = 0; i < 200; ++i) {
    int p = mt::free_port();
    EXPECT_GE(p, 10000);
    EXPECT_TRUE(p < lo || p > hi) << p << " is in the ephemeral range " << lo << "-" << hi;
  }
}

TEST(NatsFixture, StartsOnAnotherPortWhenItsPortIsTaken) {
  // Another program holds the first port drawn, as when it takes the port
  // between the draw and nats-server's bind.
  int holder = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  ASSERT_GE(holder, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int taken = mt::free_port();
  addr.sin_port = htons(static_cast<uint16_t>(taken));
  ASSERT_EQ(::bind(holder, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(::listen(holder, 8), 0);
  {
    mt::nats_server nats{taken};
    EXPECT_NE(nats.port(), taken);
    EXPECT_TRUE(nats_connects(nats.service_url()));
  }
  ::close(holder);
}

TEST(NatsFixture, JetStreamIsEnabled) {
  mt::nats_server nats;
  natsConnection* conn = nullptr;
  ASSERT_EQ(natsConnection_ConnectTo(&conn, nats.service_url().c_str()), NATS_OK);
  jsCtx* js = nullptr;
  ASSERT_EQ(natsConnection_JetStream(&js, conn, nullptr), NATS_OK);
  jsAccountInfo* info = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  EXPECT_EQ(js_GetAccountInfo(&info, js, nullptr, &jerr), NATS_OK);
  if (info)
    jsAccountInfo_Destroy(info);
  jsCtx_Destroy(js);
  natsConnection_Destroy(conn);
}

TEST(ProcessHelpers, SpawnWaitAndKill) {
  auto dir = mt::make_temp_dir("medha-proc-");
  auto log = dir + "/out.log";
  pid_t pid = mt::spawn_process({"sh", "-c", "echo hello from child; exit 3"}, log);
  ASSERT_GT(pid, 0);
  EXPECT_EQ(mt::wait_process(pid), 3);
  EXPECT_NE(mt::file_tail(log).find("hello from child"), std::string::npos);

  pid = mt::spawn_process({"sleep", "60"}, log);
  EXPECT_EQ(mt::wait_process_for(pid, 100ms), std::nullopt);
  mt::kill_process(pid, SIGTERM);
  EXPECT_EQ(mt::wait_process(pid), 128 + SIGTERM);

  EXPECT_THROW(mt::spawn_process({"/nonexistent/medha-binary"}, log), std::runtime_error);

  auto r = mt::run_command({"sh", "-c", "echo out; echo err >&2; exit 2"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("out"), std::string::npos);
  EXPECT_NE(r.output.find("err"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(ProcessHelpers, Paths) {
  EXPECT_TRUE(std::filesystem::exists(mt::source_dir() + "/scripts/sample-data/sales.sql"))
    << mt::source_dir();
  EXPECT_FALSE(mt::build_dir().empty());
  int p = mt::free_port();
  EXPECT_GT(p, 0);
  EXPECT_FALSE(mt::wait_for_port(p, 100ms));
}
