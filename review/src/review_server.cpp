// The review web server (cpp-httplib); see review_server.hpp. Every request passes one gate
// (gate()) before any route: loopback Host, the token, and for saves the token in a header so
// that no other web page can make the browser post. Routes name pages only by stem, which the
// folder checks (review_folder.hpp); no route takes a file path.
#include "scanfix/review/review_server.hpp"

#include <httplib.h>

#include <filesystem>
#include <map>
#include <mutex>
#include <random>

#include "api_json.hpp"
#include "input_files.hpp"
#include "scan_images.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/review/page_summary.hpp"
#include "scanfix/review/review_folder.hpp"
#include "scanfix/review/review_save.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace scanfix::review {

std::string random_token() {
    std::random_device source;  // the kernel's random source on Linux
    std::string out;
    static const char* hex = "0123456789abcdef";
    for (int i = 0; i < 4; ++i) {
        std::uint32_t v = source();
        for (int k = 0; k < 8; ++k, v >>= 4) out += hex[v & 15];
    }
    return out;
}

namespace {

struct Asset {
    const char* name;
    const char* type;
};
const Asset kAssets[] = {{"index.html", "text/html; charset=utf-8"},
                         {"review.css", "text/css; charset=utf-8"},
                         {"review.js", "text/javascript; charset=utf-8"}};

bool same_secret(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    unsigned char diff = 0;
    for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

std::string cookie_value(const httplib::Request& req, const std::string& name) {
    for (size_t i = 0; i < req.get_header_value_count("Cookie"); ++i) {
        const std::string cookies = req.get_header_value("Cookie", i);
        size_t pos = 0;
        while (pos < cookies.size()) {
            size_t end = cookies.find(';', pos);
            if (end == std::string::npos) end = cookies.size();
            std::string item = cookies.substr(pos, end - pos);
            item.erase(0, item.find_first_not_of(' '));
            if (item.compare(0, name.size() + 1, name + "=") == 0)
                return item.substr(name.size() + 1);
            pos = end + 1;
        }
    }
    return {};
}

void send_json(httplib::Response& res, int status, const json& body) {
    res.status = status;
    res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace),
                    "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, const std::string& message) {
    send_json(res, status, {{"error", message}});
}

// A page-file cache: the JSON is parsed again only when its size or time changed.
class PageCache {
  public:
    std::shared_ptr<const std::vector<OcrPage>> get(const std::string& path) {
        std::error_code ec;
        const auto time = fs::last_write_time(path, ec);
        const auto size = ec ? 0 : fs::file_size(path, ec);
        {
            std::lock_guard<std::mutex> lock(mutex_);
            auto it = entries_.find(path);
            if (!ec && it != entries_.end() && it->second.time == time && it->second.size == size)
                return it->second.pages;
        }
        auto pages = std::make_shared<const std::vector<OcrPage>>(read_ocr_pages(path));
        std::lock_guard<std::mutex> lock(mutex_);
        entries_[path] = {time, size, pages};
        return pages;
    }

  private:
    struct Entry {
        fs::file_time_type time;
        std::uintmax_t size = 0;
        std::shared_ptr<const std::vector<OcrPage>> pages;
    };
    std::mutex mutex_;
    std::map<std::string, Entry> entries_;
};

}  // namespace

struct ReviewServer::Impl {
    ServerOptions options;
    ReviewFolder folder;
    httplib::Server http;
    int port = 0;
    std::map<std::string, std::string> assets;  // name -> bytes
    PageCache pages;
    ScanImages scans;
    std::mutex save_mutex;  // one save at a time: the decision log is read, extended, written

    explicit Impl(ServerOptions o) : options(std::move(o)), folder(options.folder) {
        if (options.token.empty()) options.token = random_token();
        for (const Asset& a : kAssets)
            assets[a.name] = read_bounded((fs::path(options.web_dir) / a.name).string(), 4u << 20);
    }

    std::string cookie_name() const { return "scanfix_review_" + std::to_string(port); }

    // Loopback Host (a page of another site that resolves its name to 127.0.0.1 sends its own
    // name), then the token; saves need it in the header, which only the review page sets.
    httplib::Server::HandlerResponse gate(const httplib::Request& req, httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        res.set_header("X-Content-Type-Options", "nosniff");
        res.set_header("Referrer-Policy", "no-referrer");
        res.set_header("X-Frame-Options", "DENY");
        const std::string host = req.get_header_value("Host");
        const std::string p = ":" + std::to_string(port);
        if (host != "127.0.0.1" + p && host != "localhost" + p) {
            send_error(res, 403, "this server answers only on 127.0.0.1" + p);
            return httplib::Server::HandlerResponse::Handled;
        }
        const std::string header = req.get_header_value("X-Review-Token");
        const bool by_header = same_secret(header, options.token);
        const bool by_query =
            req.has_param("token") && same_secret(req.get_param_value("token"), options.token);
        const bool by_cookie = same_secret(cookie_value(req, cookie_name()), options.token);
        if (req.method == "POST" && !by_header) {
            send_error(res, 403, "saving needs the access token in the X-Review-Token header");
            return httplib::Server::HandlerResponse::Handled;
        }
        if (!by_header && !by_query && !by_cookie) {
            if (req.path == "/") {
                res.status = 403;
                res.set_content(
                    "<!doctype html><meta charset=utf-8><title>scanfix review</title>"
                    "<p>This address needs the access token: open the address that "
                    "<code>scanfix review</code> printed, with its <code>?token=</code>.</p>",
                    "text/html; charset=utf-8");
            } else {
                send_error(res, 403, "this request needs the access token");
            }
            return httplib::Server::HandlerResponse::Handled;
        }
        if (by_query)
            res.set_header("Set-Cookie", cookie_name() + "=" + options.token +
                                             "; Path=/; HttpOnly; SameSite=Strict");
        return httplib::Server::HandlerResponse::Unhandled;
    }

    void serve_asset(const std::string& name, httplib::Response& res) {
        for (const Asset& a : kAssets)
            if (name == a.name) {
                if (name == "index.html")
                    res.set_header("Content-Security-Policy",
                                   "default-src 'none'; script-src 'self'; style-src 'self'; "
                                   "img-src 'self' blob: data:; connect-src 'self'; "
                                   "frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
                res.set_content(assets.at(name), a.type);
                return;
            }
        send_error(res, 404, "no such file");
    }

    // The page named by the route's stem, or a 404 when the folder has no such page.
    std::optional<PageFiles> page_of(const httplib::Request& req, httplib::Response& res) {
        std::optional<PageFiles> files = folder.find(req.matches[1].str());
        if (!files) send_error(res, 404, "no such page in " + folder.root());
        return files;
    }

    // The saved state of a page, or why it cannot be read.
    struct SavedState {
        ReviewState state;
        bool exists = false;
        std::string error;
    };
    SavedState saved_state(const PageFiles& files, const std::vector<OcrPage>& ocr) {
        SavedState s;
        try {
            s.state = load_review_state(folder, files, ocr, &s.exists);
        } catch (const InputError& e) {
            s.exists = false;
            s.error = e.what();
        }
        return s;
    }

    void list_pages(httplib::Response& res) {
        json rows = json::array();
        std::vector<PageSummary> all;
        for (const PageFiles& files : folder.pages()) {
            try {
                auto ocr = pages.get(files.json);
                const SavedState saved = saved_state(files, *ocr);
                for (PageSummary& row :
                     summarize_pages(files.stem, *ocr, saved.exists ? &saved.state : nullptr,
                                     options.flag_below)) {
                    if (!saved.error.empty()) row.error = saved.error;
                    all.push_back(std::move(row));
                }
            } catch (const InputError& e) {
                PageSummary row;
                row.stem = files.stem;
                row.error = e.what();
                all.push_back(std::move(row));
            }
        }
        sort_worst_first(all);
        for (const PageSummary& row : all) rows.push_back(api::summary_json(row));
        json missing = json::array();
        for (const MissingPage& m : folder.pages_without_json())
            missing.push_back({{"stem", m.stem}, {"found", m.found}});
        send_json(res, 200,
                  {{"folder", folder.root()},
                   {"flag_below", options.flag_below},
                   {"pages", std::move(rows)},
                   {"without_json", std::move(missing)}});
    }

    // The page model of a page, or null after answering 422 with why it cannot be read.
    std::shared_ptr<const std::vector<OcrPage>> ocr_of(const PageFiles& files,
                                                       httplib::Response& res) {
        try {
            return pages.get(files.json);
        } catch (const InputError& e) {
            send_error(res, 422, e.what());
            return nullptr;
        }
    }

    void show_page(const httplib::Request& req, httplib::Response& res) {
        auto files = page_of(req, res);
        if (!files) return;
        auto ocr = ocr_of(*files, res);
        if (!ocr) return;
        const SavedState saved = saved_state(*files, *ocr);
        send_json(res, 200,
                  api::page_view_json(*files, *ocr, saved.state, saved.exists, saved.error,
                                      options.flag_below));
    }

    void send_scan(const httplib::Request& req, httplib::Response& res) {
        auto files = page_of(req, res);
        if (!files) return;
        int page = 1;
        if (req.has_param("page")) {
            const std::string p = req.get_param_value("page");
            if (p.empty() || p.size() > 6 ||
                p.find_first_not_of("0123456789") != std::string::npos) {
                send_error(res, 400, "page must be a number from 1");
                return;
            }
            page = std::stoi(p);
        }
        try {
            auto ocr = pages.get(files->json);
            if (page < 1 || page > int(ocr->size())) {
                send_error(res, 404, "the file has no page " + std::to_string(page));
                return;
            }
            const OcrPage& p = (*ocr)[page - 1];
            if (p.from_text) {
                send_error(res, 404, "this page was read from a transcription; it has no scan");
                return;
            }
            res.status = 200;
            res.set_content(*scans.jpeg(p.image, p.index), "image/jpeg");
        } catch (const InputError& e) {
            send_error(res, 404, std::string("the scan cannot be shown: ") + e.what());
        }
    }

    void save_page(const httplib::Request& req, httplib::Response& res) {
        if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0) {
            send_error(res, 415, "a save is sent as application/json");
            return;
        }
        auto files = page_of(req, res);
        if (!files) return;
        auto ocr = ocr_of(*files, res);
        if (!ocr) return;
        ReviewState update;
        try {
            update = parse_review_state(req.body, "the saved page", *ocr);
        } catch (const InputError& e) {
            send_error(res, 400, e.what());
            return;
        }
        if (update.decisions.size() > kMaxDecisionsPerSave) {
            send_error(res, 413, "too many decisions in one save");
            return;
        }
        std::lock_guard<std::mutex> lock(save_mutex);
        ReviewState previous;
        try {
            previous = load_review_state(folder, *files, *ocr);
        } catch (const InputError& e) {
            send_error(res, 409,
                       std::string(e.what()) +
                           " (the saved review cannot be read; move the file "
                           "away to start the page again)");
            return;
        }
        try {
            ReviewState saved = save_review(*files, *ocr, previous, std::move(update));
            json summaries = json::array();
            for (const PageSummary& row :
                 summarize_pages(files->stem, *ocr, &saved, options.flag_below))
                summaries.push_back(api::summary_json(row));
            send_json(res, 200, {{"state", api::state_json(saved)}, {"summaries", summaries}});
        } catch (const InputError& e) {
            send_error(res, 500, e.what());
        }
    }

    void routes() {
        http.set_pre_routing_handler(
            [this](const httplib::Request& req, httplib::Response& res) { return gate(req, res); });
        http.Get("/", [this](const httplib::Request&, httplib::Response& res) {
            serve_asset("index.html", res);
        });
        http.Get(R"(/(review\.js|review\.css))",
                 [this](const httplib::Request& req, httplib::Response& res) {
                     serve_asset(req.matches[1].str(), res);
                 });
        http.Get("/api/pages",
                 [this](const httplib::Request&, httplib::Response& res) { list_pages(res); });
        http.Get(R"(/api/page/(.+))", [this](const httplib::Request& req, httplib::Response& res) {
            show_page(req, res);
        });
        http.Get(R"(/api/scan/(.+))", [this](const httplib::Request& req, httplib::Response& res) {
            send_scan(req, res);
        });
        http.Post(R"(/api/save/(.+))", [this](const httplib::Request& req, httplib::Response& res) {
            save_page(req, res);
        });
        http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
            if (res.body.empty())
                send_error(res, res.status,
                           res.status == 413 ? "the request is too large" : "no such address");
        });
        http.set_exception_handler(
            [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
                std::string what = "internal error";
                try {
                    std::rethrow_exception(ep);
                } catch (const std::exception& e) {
                    what += std::string(": ") + e.what();
                } catch (...) {
                }
                send_error(res, 500, what);
            });
        http.set_payload_max_length(options.max_request_bytes);
        http.set_read_timeout(10, 0);
        http.set_write_timeout(30, 0);
    }
};

ReviewServer::ReviewServer(ServerOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {
    const std::string host = "127.0.0.1";
    if (impl_->options.port == 0) {
        impl_->port = impl_->http.bind_to_any_port(host);
    } else {
        impl_->port =
            impl_->http.bind_to_port(host, impl_->options.port) ? impl_->options.port : -1;
    }
    if (impl_->port <= 0)
        throw UsageError("--port", "cannot listen on " + host + ":" +
                                       std::to_string(impl_->options.port) +
                                       " (in use by another program?)");
    impl_->routes();
}

ReviewServer::~ReviewServer() {
    impl_->http.stop();
}

int ReviewServer::port() const {
    return impl_->port;
}
const std::string& ReviewServer::token() const {
    return impl_->options.token;
}
std::string ReviewServer::url() const {
    return "http://127.0.0.1:" + std::to_string(impl_->port) + "/?token=" + impl_->options.token;
}
bool ReviewServer::run() {
    return impl_->http.listen_after_bind();
}
void ReviewServer::stop() {
    impl_->http.stop();
}

}  // namespace scanfix::review
