// The worker pool with a fake page processor: every page done exactly once on any number of
// workers, failures recorded without stopping the batch, a configuration error or a full disk
// stopping it, a stop request finishing the pages in hand, and progress after every page.
#include <catch2/catch.hpp>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <set>
#include <thread>

#include "scanfix/batch/worker_pool.hpp"
#include "scanfix/core/error.hpp"

using namespace scanfix;
using namespace scanfix::batch;

namespace {
std::vector<PageTask> tasks(int n) {
    std::vector<PageTask> out;
    for (int i = 0; i < n; ++i) out.push_back({"f" + std::to_string(i) + ".png", 0, 1, "f"});
    return out;
}
}  // namespace

TEST_CASE("every page is processed exactly once, each worker with its own processor") {
    auto todo = tasks(40);
    for (int jobs : {1, 2, 4}) {
        std::mutex m;
        std::multiset<std::string> seen;
        std::set<int> workers;
        size_t progress_calls = 0, last_finished = 0;
        PoolOptions opt;
        opt.jobs = jobs;
        opt.on_progress = [&](const BatchProgress& p) {
            ++progress_calls;
            CHECK(p.finished == last_finished + 1);  // one call at a time, in order
            last_finished = p.finished;
            CHECK(p.total == 40);
        };
        BatchSummary s = run_pages(
            todo,
            [&](int w) -> PageWork {
                std::lock_guard<std::mutex> lock(m);
                CHECK(workers.insert(w).second);
                return [&](const PageTask& t) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                    std::lock_guard<std::mutex> lock(m);
                    seen.insert(t.source);
                };
            },
            opt);
        CHECK(s.done == 40);
        CHECK(s.failures.empty());
        CHECK(seen.size() == 40);
        CHECK(std::set<std::string>(seen.begin(), seen.end()).size() == 40);
        CHECK(int(workers.size()) == jobs);
        CHECK(progress_calls == 40);
    }
}

TEST_CASE("a failing page is recorded with its reason and the batch goes on") {
    PoolOptions opt;
    opt.jobs = 2;
    BatchSummary s = run_pages(
        tasks(10),
        [](int) -> PageWork {
            return [](const PageTask& t) {
                if (t.source == "f3.png") throw InputError(t.source, "cannot decode image");
                if (t.source == "f7.png") throw OcrError("Tesseract failed on the page");
            };
        },
        opt);
    CHECK(s.done == 8);
    REQUIRE(s.failures.size() == 2);
    for (const PageFailure& f : s.failures) {
        if (f.source == "f3.png") {
            CHECK(f.reason == "cannot decode image");
            CHECK(f.exit_code == kExitInput);
        } else {
            CHECK(f.exit_code == kExitOcr);
        }
    }
    CHECK(s.stopped_reason.empty());
}

TEST_CASE("a configuration error or an engine that cannot start stops the batch") {
    PoolOptions opt;
    opt.jobs = 2;
    auto bad_profile = [](int) -> PageWork {
        return [](const PageTask&) { throw ConfigError("p.yaml", 3, "bad value"); };
    };
    CHECK_THROWS_AS(run_pages(tasks(10), bad_profile, opt), ConfigError);
    auto no_engine = [](int) -> PageWork { throw OcrError("language 'xx' is not installed"); };
    CHECK_THROWS_AS(run_pages(tasks(10), no_engine, opt), OcrError);
}

TEST_CASE("a full disk stops the batch and says so") {
    std::string full = std::string("cannot write: ") + std::strerror(ENOSPC);
    CHECK(is_disk_full(InputError("out/a.txt", full)));
    CHECK_FALSE(is_disk_full(InputError("out/a.txt", "cannot write: Permission denied")));
    PoolOptions opt;
    opt.jobs = 1;
    BatchSummary s = run_pages(
        tasks(10),
        [&](int) -> PageWork {
            return [&](const PageTask& t) {
                if (t.source == "f2.png") throw InputError("out/f2.txt", full);
            };
        },
        opt);
    CHECK(s.done == 2);
    CHECK(s.failures.size() == 1);
    CHECK(s.not_started == 7);
    CHECK(s.stopped_reason.find(std::strerror(ENOSPC)) != std::string::npos);
}

TEST_CASE("a stop request finishes the pages in hand and starts no other") {
    std::atomic<bool> stop{false};
    PoolOptions opt;
    opt.jobs = 2;
    opt.stop = &stop;
    std::atomic<int> started{0};
    BatchSummary s = run_pages(
        tasks(20),
        [&](int) -> PageWork {
            return [&](const PageTask&) {
                if (++started == 3) stop = true;  // arrives while pages are in hand
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            };
        },
        opt);
    CHECK(s.interrupted);
    CHECK(s.done == size_t(started.load()));  // every page begun was finished
    CHECK(s.done + s.not_started == 20);
    CHECK(s.not_started >= 16);
}
