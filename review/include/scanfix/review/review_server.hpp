// The local web server behind `scanfix review DIR` (cpp-httplib): it serves the review page
// (plain HTML, CSS and JavaScript from the data folder's review/web) and a small JSON API over
// one batch output folder. It listens on the loopback address only, answers only requests that
// carry its random token, reads only the folder's files and the scans they name, and writes
// only the reviewer's three files per page (review_save.hpp).
#pragma once

#include <memory>
#include <string>

namespace scanfix::review {

struct ServerOptions {
    std::string folder;      // the batch output folder (scanfix run -o DIR -f txt,json)
    std::string web_dir;     // index.html, review.css, review.js
    int port = 0;            // 0: a free port chosen by the system
    std::string token;       // empty: a new random one
    double flag_below = 75;  // confidence (0..100) under which a word is doubtful
    size_t max_request_bytes = 8u << 20;  // larger request bodies are refused (413)
};

// API, all under the token (query ?token=, header X-Review-Token, or the cookie the page gets):
//   GET  /                      the review page          GET /review.js, /review.css
//   GET  /api/pages             the page list, worst first
//   GET  /api/page/<stem>       one page file for the page view
//   GET  /api/scan/<stem>?page=N  the scan of page N (from 1) as JPEG
//   POST /api/save/<stem>       the reviewer's state (JSON; header token required)
class ReviewServer {
  public:
    // Binds 127.0.0.1:port. Throws InputError for a folder that is not one or web files that
    // are missing, UsageError when the port cannot be had.
    explicit ReviewServer(ServerOptions options);
    ~ReviewServer();
    ReviewServer(const ReviewServer&) = delete;
    ReviewServer& operator=(const ReviewServer&) = delete;

    int port() const;
    const std::string& token() const;
    // http://127.0.0.1:PORT/?token=TOKEN
    std::string url() const;

    // Serves until stop() is called (from another thread). Returns false when serving failed.
    bool run();
    void stop();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// 128 random bits from the system's random source, as 32 hexadecimal digits.
std::string random_token();

}  // namespace scanfix::review
