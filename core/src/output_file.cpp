// Output files: atomic replacement of regular files through unique temporary names, links
// followed, devices and FIFOs written through; standard output checked (see output_file.hpp).
#include "scanfix/core/output_file.hpp"

#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <vector>

#include "scanfix/core/error.hpp"

namespace fs = std::filesystem;

namespace scanfix {
namespace {

std::string cannot_write(int err) {
    return std::string("cannot write: ") + std::strerror(err);
}

// Writes everything to `fd`, however the kernel splits it (pipes take a page at a time).
// Returns 0 or the errno of the failure.
int write_all(int fd, std::string_view content) {
    const char* p = content.data();
    size_t left = content.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        p += n;
        left -= size_t(n);
    }
    return 0;
}

// The file a chain of symbolic links ends at (the path itself when it is no link). The end may
// not exist yet: a dangling link names the file to create.
std::string follow_links(const std::string& path) {
    std::string p = path;
    for (int hops = 0; hops < 40; ++hops) {
        struct stat st;
        if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return p;
        std::vector<char> buf(PATH_MAX + 1);
        ssize_t n = ::readlink(p.c_str(), buf.data(), buf.size() - 1);
        if (n < 0) throw InputError(path, cannot_write(errno));
        fs::path target(std::string(buf.data(), size_t(n)));
        if (target.is_relative()) target = fs::path(p).parent_path() / target;
        p = target.string();
    }
    throw InputError(path, "cannot write: the symbolic links loop");
}

// ".NAME.XXXXXX.part" with six random letters; the name is cut so that the temporary name
// stays within the file system's 255 bytes even for the longest target names.
std::string temporary_name(const fs::path& target) {
    static std::atomic<unsigned> calls{0};
    thread_local std::mt19937_64 rng(std::random_device{}() ^
                                     (std::uint64_t(::getpid()) << 20) ^ calls.fetch_add(1));
    static const char letters[] =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    std::string random(6, 'x');
    for (char& c : random) c = letters[rng() % (sizeof letters - 1)];
    std::string name = target.filename().string().substr(0, 200);
    return (target.parent_path() / ("." + name + "." + random + ".part")).string();
}

// A character device or FIFO: opened as it is and written to, never truncated or replaced.
void write_through(const std::string& path, const std::string& content) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) throw InputError(path, cannot_write(errno));
    int err = write_all(fd, content);
    if (::close(fd) != 0 && err == 0) err = errno;
    if (err != 0) throw InputError(path, cannot_write(err));
}

// A regular file, existing or not: unique temporary file, fsync, rename over the target.
void replace_file(const std::string& shown, const std::string& target, const struct stat* old,
                  const std::string& content) {
    fs::path t(target);
    std::error_code ec;
    if (t.has_parent_path() && !fs::is_directory(t.parent_path(), ec))
        throw InputError(shown, "output folder does not exist");
    std::string tmp;
    int fd = -1;
    for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
        tmp = temporary_name(t);
        fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd < 0 && errno != EEXIST) throw InputError(shown, cannot_write(errno));
    }
    if (fd < 0) throw InputError(shown, cannot_write(EEXIST));
    int err = write_all(fd, content);
    if (err == 0 && old && ::fchmod(fd, old->st_mode & 07777) != 0) err = errno;
    if (err == 0 && ::fsync(fd) != 0) err = errno;
    if (::close(fd) != 0 && err == 0) err = errno;
    if (err == 0 && ::rename(tmp.c_str(), target.c_str()) != 0) err = errno;
    if (err != 0) {
        ::unlink(tmp.c_str());
        throw InputError(shown, cannot_write(err));
    }
}

}  // namespace

void write_file_atomically(const std::string& path, const std::string& content) {
    struct stat st;
    if (::stat(path.c_str(), &st) == 0) {
        if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) return write_through(path, content);
        if (S_ISDIR(st.st_mode)) throw InputError(path, "is a folder, not a file");
        if (!S_ISREG(st.st_mode))
            throw InputError(path, "is a block device or a socket; refusing to write to it");
        return replace_file(path, follow_links(path), &st, content);
    }
    if (errno != ENOENT) throw InputError(path, cannot_write(errno));
    replace_file(path, follow_links(path), nullptr, content);
}

void write_to_stdout(std::string_view content) {
    std::fflush(stdout);  // whatever stdio holds goes first
    int err = write_all(STDOUT_FILENO, content);
    if (err != 0) throw Error(std::string("cannot write to standard output: ") + std::strerror(err));
}

}  // namespace scanfix
