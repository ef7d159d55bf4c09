// Atomic output files: temporary file + fsync + rename (see output_file.hpp).
#include "scanfix/core/output_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "scanfix/core/error.hpp"

namespace fs = std::filesystem;

namespace scanfix {

void write_file_atomically(const std::string& path, const std::string& content) {
    fs::path target(path);
    std::string tmp =
        (target.parent_path() / ("." + target.filename().string() + ".part")).string();
    if (target.has_parent_path() && !fs::exists(target.parent_path()))
        throw InputError(path, "output folder does not exist");
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw InputError(path, std::string("cannot write: ") + std::strerror(errno));
    const char* p = content.data();
    size_t left = content.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            int err = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            throw InputError(path, std::string("cannot write: ") + std::strerror(err));
        }
        p += n;
        left -= size_t(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        throw InputError(path, std::string("cannot write: ") + std::strerror(err));
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        throw InputError(path, std::string("cannot write: ") + std::strerror(err));
    }
}

}  // namespace scanfix
