// The scans the page view shows, loaded with scanfix's own image loader (so that the picture
// has the pixels the boxes were measured on, also for TIFF and PDF pages browsers cannot show)
// and sent as JPEG. The last few are kept, as a reviewer goes back and forth between pages.
#pragma once

#include <list>
#include <memory>
#include <mutex>
#include <string>

namespace scanfix::review {

class ScanImages {
  public:
    // Page `index` of the scan at `path` as JPEG bytes. Throws InputError naming the file when
    // it is gone or cannot be read.
    std::shared_ptr<const std::string> jpeg(const std::string& path, int index);

  private:
    struct Entry {
        std::string key;
        std::shared_ptr<const std::string> bytes;
    };
    std::mutex mutex_;
    std::list<Entry> recent_;  // most recent first
};

}  // namespace scanfix::review
