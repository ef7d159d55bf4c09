// The review server's API through cpp-httplib's client: the token on every request, pages named
// only by stem (../, absolute paths, encoded slashes and links out of the folder refused),
// bounded requests, clear errors for a broken page model or a missing scan, and saves that
// write the reviewer's files, show on reopening, and stay whole when two tabs save at once.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "review_fixture.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/review/review_server.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace scanfix;
using nlohmann::json;

namespace {

// A review server on a free port, serving in a thread for the test's lifetime.
class RunningServer {
  public:
    explicit RunningServer(const std::string& folder, size_t max_request = 1u << 20) {
        review::ServerOptions o;
        o.folder = folder;
        o.web_dir = test::source_dir() + "/review/web";
        o.max_request_bytes = max_request;
        server_ = std::make_unique<review::ReviewServer>(o);
        thread_ = std::thread([this] { server_->run(); });
        // Wait until it answers.
        for (int i = 0; i < 200; ++i) {
            httplib::Client c("127.0.0.1", server_->port());
            if (c.Get("/api/pages")) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }
    ~RunningServer() {
        server_->stop();
        thread_.join();
    }
    int port() const { return server_->port(); }
    const std::string& token() const { return server_->token(); }
    httplib::Headers auth() const { return {{"X-Review-Token", token()}}; }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port());
        c.set_read_timeout(20, 0);
        return c;
    }

  private:
    std::unique_ptr<review::ReviewServer> server_;
    std::thread thread_;
};

json body_json(const httplib::Result& r) {
    REQUIRE(r);
    return json::parse(r->body);
}

std::string save_body(const std::string& text, int decisions = 1) {
    json d = json::array();
    for (int i = 0; i < decisions; ++i)
        d.push_back({{"action", "corrected"},
                     {"page", 1},
                     {"line", 1},
                     {"word", 3},
                     {"before", "секретаря"},
                     {"after", text}});
    return json({{"reviewed", false},
                 {"words",
                  {{{"page", 1}, {"line", 1}, {"word", 3}, {"text", text}, {"checked", true}}}},
                 {"decisions", d}})
        .dump();
}

}  // namespace

TEST_CASE("review server: every request needs the token; saves need it in the header") {
    auto f = test::make_review_folder("review-token");
    RunningServer s(f.out);
    auto c = s.client();
    for (const char* path :
         {"/", "/review.js", "/api/pages", "/api/page/worse", "/api/scan/worse?page=1"}) {
        auto r = c.Get(path);
        REQUIRE(r);
        CHECK(r->status == 403);
        CHECK(r->body.find(s.token()) == std::string::npos);
        CHECK(c.Get(path, {{"X-Review-Token", "0123456789abcdef0123456789abcdef"}})->status == 403);
    }
    CHECK(s.token().size() == 32);
    CHECK(s.token() != review::random_token());

    // The printed address works and hands the page a cookie for its images; the cookie alone
    // opens pages but cannot save.
    auto page = c.Get("/?token=" + s.token());
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->body.find("review.js") != std::string::npos);
    CHECK(page->get_header_value("Content-Security-Policy").find("default-src 'none'") !=
          std::string::npos);
    const std::string cookie = page->get_header_value("Set-Cookie");
    CHECK(cookie.find("HttpOnly") != std::string::npos);
    CHECK(cookie.find("SameSite=Strict") != std::string::npos);
    const httplib::Headers with_cookie{{"Cookie", cookie.substr(0, cookie.find(';'))}};
    CHECK(c.Get("/api/scan/worse?page=1", with_cookie)->status == 200);
    auto by_cookie = c.Post("/api/save/worse", with_cookie, save_body("x"), "application/json");
    CHECK(by_cookie->status == 403);
    CHECK_FALSE(fs::exists(f.out + "/worse.gt.txt"));
    // A request made for another host name (DNS rebinding) is refused even with the token.
    httplib::Headers other_host = s.auth();
    other_host.emplace("Host", "evil.example:" + std::to_string(s.port()));
    CHECK(c.Get("/api/pages", other_host)->status == 403);
}

TEST_CASE("review server: the page list is worst first, and a page shows its words") {
    auto f = test::make_review_folder("review-list");
    std::ofstream(f.out + "/broken.json") << "{\"pages\": [ {\"lines\": ";
    RunningServer s(f.out);
    auto c = s.client();
    json list = body_json(c.Get("/api/pages", s.auth()));
    std::vector<std::string> order;
    for (auto& row : list["pages"]) order.push_back(row["stem"]);
    CHECK(order == std::vector<std::string>{"broken", "worse", "box1/deeper", "better"});
    CHECK(list["pages"][0]["error"].get<std::string>().find("broken.json: not valid JSON") !=
          std::string::npos);
    // Every word of "worse" is read at 70, under the 75 that makes a word doubtful.
    const json& worse = list["pages"][1];
    CHECK(worse["doubtful"] == 5);
    CHECK(list["pages"][3]["doubtful"] == 2);
    CHECK(worse["removed"] == 2);
    CHECK(worse["replaced"] == 1);
    CHECK(worse["reviewed"] == false);
    CHECK(worse["cer"].is_null());

    json page = body_json(c.Get("/api/page/box1/deeper", s.auth()));
    CHECK(page["stem"] == "box1/deeper");
    auto& lines = page["pages"][0]["lines"];
    REQUIRE(lines.size() == 3);
    CHECK(lines[0]["words"][1]["read"] == "сообшение");
    CHECK(lines[0]["words"][1]["doubtful"] == true);
    CHECK(lines[1]["removal"] == "margin_column: stacked short tokens (margin column)");
    CHECK(lines[2]["words"][2]["removal"] == "marginalia: number outside the text column (folio)");
    CHECK(lines[0]["words"][0]["box"] == json::array({20, 20, 100, 30}));
    CHECK(page["state"].is_null());

    // The broken page's view is a clear error, not a crash; the server goes on.
    auto broken = c.Get("/api/page/broken", s.auth());
    CHECK(broken->status == 422);
    CHECK(json::parse(broken->body)["error"].get<std::string>().find("broken.json") !=
          std::string::npos);
    CHECK(c.Get("/api/pages", s.auth())->status == 200);
}

TEST_CASE("review server: ../, absolute paths, encoded slashes and links out are refused") {
    auto f = test::make_review_folder("review-paths");
    fs::create_directories(f.root + "/outside");
    fs::copy_file(f.out + "/worse.json", f.root + "/outside/secret.json");
    std::ofstream(f.root + "/outside/secret.txt") << "secret";
    fs::create_symlink(f.root + "/outside/secret.json", f.out + "/linked.json");
    fs::create_directory_symlink(f.root + "/outside", f.out + "/linkdir");
    RunningServer s(f.out);
    auto c = s.client();
    const std::string abs = f.root + "/outside/secret";
    for (const std::string& stem :
         {std::string("../outside/secret"), std::string("..%2Foutside%2Fsecret"),
          std::string("%2E%2E%2Foutside%2Fsecret"),
          std::string("box1%2F..%2F..%2Foutside%2Fsecret"),
          std::string("..%252Foutside%252Fsecret"), abs, "%2F" + abs.substr(1), "/" + abs,
          std::string("linked"), std::string("linkdir/secret"), std::string("box1/../worse"),
          std::string("worse%00"), std::string("..\\outside\\secret"), std::string("./worse")}) {
        INFO(stem);
        for (const char* route : {"/api/page/", "/api/scan/"}) {
            auto r = c.Get(route + stem, s.auth());
            REQUIRE(r);
            CHECK((r->status == 404 || r->status == 400));
            CHECK(r->body.find("сообщение") == std::string::npos);
        }
        auto saved = c.Post("/api/save/" + stem, s.auth(), save_body("x"), "application/json");
        REQUIRE(saved);
        CHECK((saved->status == 404 || saved->status == 400));
    }
    // Nothing was written anywhere.
    for (const auto& e : fs::recursive_directory_iterator(f.root)) {
        const std::string name = e.path().filename().string();
        CHECK(name.find(".gt.") == std::string::npos);
        CHECK(name.find(".review.json") == std::string::npos);
    }
    // No route takes a file: the folder's other files are not served.
    CHECK(c.Get("/worse.json", s.auth())->status == 404);
    CHECK(c.Get("/api/pages/../../worse.json", s.auth())->status == 404);
    // A linked decision log is not read, and a save over it is refused.
    std::ofstream(f.root + "/outside/log.json") << "{}";
    fs::create_symlink(f.root + "/outside/log.json", f.out + "/worse.review.json");
    json page = body_json(c.Get("/api/page/worse", s.auth()));
    CHECK(page["state_error"].get<std::string>().find("leads out of the review folder") !=
          std::string::npos);
    CHECK(c.Post("/api/save/worse", s.auth(), save_body("x"), "application/json")->status == 409);
    CHECK(test::slurp(f.root + "/outside/log.json") == "{}");
}

TEST_CASE("review server: request sizes are bounded and bad saves are refused whole") {
    auto f = test::make_review_folder("review-limits");
    RunningServer s(f.out, 64 * 1024);
    auto c = s.client();
    auto big = c.Post("/api/save/worse", s.auth(), save_body("x", 2000), "application/json");
    REQUIRE(big);
    CHECK(big->status == 413);
    auto long_uri = c.Get("/api/page/" + std::string(10000, 'a'), s.auth());
    REQUIRE(long_uri);
    CHECK(long_uri->status == 414);
    auto not_json = c.Post("/api/save/worse", s.auth(), "{\"words\": [", "application/json");
    CHECK(not_json->status == 400);
    CHECK(json::parse(not_json->body)["error"].get<std::string>().find("not valid JSON") !=
          std::string::npos);
    auto wrong_place =
        c.Post("/api/save/worse", s.auth(),
               R"({"words":[{"page":1,"line":7,"word":1,"text":"x"}]})", "application/json");
    CHECK(wrong_place->status == 400);
    CHECK(c.Post("/api/save/worse", s.auth(), save_body("x"), "text/plain")->status == 415);
    CHECK_FALSE(fs::exists(f.out + "/worse.gt.txt"));
    CHECK_FALSE(fs::exists(f.out + "/worse.review.json"));
}

TEST_CASE("review server: a page whose scan is gone still opens, and its scan is a clear 404") {
    auto f = test::make_review_folder("review-scan");
    RunningServer s(f.out);
    auto c = s.client();
    auto scan = c.Get("/api/scan/better?page=1", s.auth());
    REQUIRE(scan);
    CHECK(scan->status == 200);
    CHECK(scan->get_header_value("Content-Type") == "image/jpeg");
    CHECK(scan->body.size() > 1000);
    CHECK(c.Get("/api/scan/better?page=2", s.auth())->status == 404);
    CHECK(c.Get("/api/scan/better?page=x", s.auth())->status == 400);

    fs::remove(f.scans + "/worse.png");
    auto gone = c.Get("/api/scan/worse?page=1", s.auth());
    REQUIRE(gone);
    CHECK(gone->status == 404);
    CHECK(json::parse(gone->body)["error"].get<std::string>().find(f.scans + "/worse.png") !=
          std::string::npos);
    std::ofstream(f.scans + "/better.png") << "not a png any more";
    fs::last_write_time(f.scans + "/better.png",
                        fs::file_time_type::clock::now() + std::chrono::seconds(5));
    CHECK(c.Get("/api/scan/better?page=1", s.auth())->status == 404);
    CHECK(c.Get("/api/page/worse", s.auth())->status == 200);
    CHECK(
        c.Post("/api/save/worse", s.auth(), save_body("секретарей"), "application/json")->status ==
        200);
}

TEST_CASE("review server: a save writes the reviewer's files, and reopening shows them") {
    auto f = test::make_review_folder("review-saves");
    const std::string ocr_json = test::slurp(f.out + "/worse.json");
    const std::string ocr_text = test::slurp(f.out + "/worse.txt");
    RunningServer s(f.out);
    auto c = s.client();
    auto r = c.Post("/api/save/worse", s.auth(), save_body("секретарей"), "application/json");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    json answer = json::parse(r->body);
    CHECK(answer["summaries"][0]["corrections"] == 1);
    CHECK(answer["summaries"][0]["cer"].get<double>() > 0);

    CHECK(test::slurp(f.out + "/worse.gt.txt") ==
          "Слушали сообщение секретарей\n\nПостановили: принять\n");
    CHECK(test::slurp(f.out + "/worse.gt.alto.xml").find("CONTENT=\"секретарей\"") !=
          std::string::npos);
    json log = json::parse(test::slurp(f.out + "/worse.review.json"));
    CHECK(log["stem"] == "worse");
    CHECK(log["decisions"][0]["after"] == "секретарей");
    CHECK(test::slurp(f.out + "/worse.json") == ocr_json);
    CHECK(test::slurp(f.out + "/worse.txt") == ocr_text);

    json page = body_json(c.Get("/api/page/worse", s.auth()));
    REQUIRE(page["state"].is_object());
    CHECK(page["state"]["words"][0]["text"] == "секретарей");
    json list = body_json(c.Get("/api/pages", s.auth()));
    for (auto& row : list["pages"])
        if (row["stem"] == "worse") CHECK(row["corrections"] == 1);

    // scanfix eval of the saved reference against the OCR text counts that one correction.
    std::string out;
    REQUIRE(test::run_command(test::binary_dir() + "/tools/scanfix/scanfix eval --json '" + f.out +
                                  "/worse.gt.txt' '" + f.out + "/worse.txt'",
                              &out) == 0);
    json eval = json::parse(out);
    CHECK(eval["substitutions"].get<int>() + eval["insertions"].get<int>() +
              eval["deletions"].get<int>() ==
          2);  // "я" -> "ей": one substitution and one deletion
}

TEST_CASE("review server: two tabs saving the same page at once never leave a half-written file") {
    auto f = test::make_review_folder("review-concurrent");
    RunningServer s(f.out);
    const std::string a =
        "Слушали сообщение " + std::string(900, 'a') + "\n\nПостановили: принять\n";
    const std::string b =
        "Слушали сообщение " + std::string(900, 'b') + "\n\nПостановили: принять\n";
    const int rounds = 15;
    std::atomic<int> ok{0};
    std::atomic<bool> torn{false};
    auto tab = [&](char letter) {
        auto c = s.client();
        for (int i = 0; i < rounds; ++i) {
            auto r = c.Post("/api/save/worse", s.auth(), save_body(std::string(900, letter)),
                            "application/json");
            if (r && r->status == 200) ++ok;
        }
    };
    // A reader that checks the file whenever it can while the two tabs save.
    std::atomic<bool> done{false};
    std::thread reader([&] {
        while (!done) {
            const std::string now = test::slurp(f.out + "/worse.gt.txt");
            if (!now.empty() && now != a && now != b) torn = true;
            const std::string log = test::slurp(f.out + "/worse.review.json");
            if (!log.empty() && json::parse(log, nullptr, false).is_discarded()) torn = true;
        }
    });
    std::thread t1(tab, 'a'), t2(tab, 'b');
    t1.join();
    t2.join();
    done = true;
    reader.join();
    CHECK(ok == 2 * rounds);
    CHECK_FALSE(torn);
    const std::string final_text = test::slurp(f.out + "/worse.gt.txt");
    CHECK((final_text == a || final_text == b));
    json log = json::parse(test::slurp(f.out + "/worse.review.json"));
    CHECK(log["decisions"].size() == size_t(2 * rounds));  // no save lost another's decisions
    for (const auto& e : fs::directory_iterator(f.out))
        CHECK(e.path().filename().string().find(".part") == std::string::npos);
}
