// Scans as JPEG for the page view; see scan_images.hpp.
#include "scan_images.hpp"

#include <filesystem>
#include <opencv2/imgcodecs.hpp>

#include "scanfix/core/error.hpp"
#include "scanfix/ocr/image_loader.hpp"

namespace scanfix::review {

namespace {
constexpr size_t kKept = 4;
}

std::shared_ptr<const std::string> ScanImages::jpeg(const std::string& path, int index) {
    std::error_code ec;
    const auto time = std::filesystem::last_write_time(path, ec);
    if (ec) throw InputError(path, "the scan is not there (moved or deleted?)");
    const std::string key = path + '\n' + std::to_string(index) + '\n' +
                            std::to_string(time.time_since_epoch().count());
    {
        std::lock_guard<std::mutex> lock(mutex_);
        for (auto it = recent_.begin(); it != recent_.end(); ++it)
            if (it->key == key) {
                recent_.splice(recent_.begin(), recent_, it);
                return recent_.front().bytes;
            }
    }
    Page page = load_page(path, index);
    std::vector<unsigned char> buffer;
    if (page.image.empty() ||
        !cv::imencode(".jpg", page.image, buffer, {cv::IMWRITE_JPEG_QUALITY, 90}))
        throw InputError(path, "the scan cannot be shown");
    auto bytes = std::make_shared<const std::string>(buffer.begin(), buffer.end());
    std::lock_guard<std::mutex> lock(mutex_);
    recent_.push_front({key, bytes});
    if (recent_.size() > kKept) recent_.pop_back();
    return bytes;
}

}  // namespace scanfix::review
