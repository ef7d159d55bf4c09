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
    thread_local std::mt19937_64 rng(std::random_device{}() ^ (std::uint64_t(::getpid()) << 20) ^
                                     calls.fetch_add(1));
    static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    std::string random(6, 'x');
    for (char& c : random) c = letters[rng() % (sizeof letters - 1)];
    std::string name = target.filename().string().substr(0, 200);
    return (target.parent_path() / ("." + name + "." + random + ".part")).string();
}

}  // namespace

OutputFile::OutputFile(const std::string& path) : path_(path) {
    struct stat st;
    const bool exists = ::stat(path.c_str(), &st) == 0;
    if (!exists && errno != ENOENT) throw InputError(path, cannot_write(errno));
    if (exists && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))) {
        // A character device or FIFO: opened as it is and written to, never truncated or
        // replaced (opening a FIFO waits for its reader, as a shell redirection does).
        fd_ = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
        if (fd_ < 0) throw InputError(path, cannot_write(errno));
        return;
    }
    if (exists && S_ISDIR(st.st_mode)) throw InputError(path, "is a folder, not a file");
    if (exists && !S_ISREG(st.st_mode))
        throw InputError(path, "is a block device or a socket; refusing to write to it");
    // A regular file, existing or not: a unique temporary file beside the file itself (the
    // file a link points at), renamed over it by commit().
    target_ = follow_links(path);
    fs::path t(target_);
    std::error_code ec;
    if (t.has_parent_path() && !fs::is_directory(t.parent_path(), ec))
        throw InputError(path, "output folder does not exist");
    for (int attempt = 0; attempt < 100 && fd_ < 0; ++attempt) {
        temporary_ = temporary_name(t);
        fd_ = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd_ < 0 && errno != EEXIST) throw InputError(path, cannot_write(errno));
    }
    if (fd_ < 0) throw InputError(path, cannot_write(EEXIST));
    if (exists && ::fchmod(fd_, st.st_mode & 07777) != 0) fail(errno);  // keeps its permissions
}

OutputFile::~OutputFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!temporary_.empty() && !committed_) ::unlink(temporary_.c_str());
}

// A write that fails once the output was opened (a full disk, an I/O error) is a failure of
// the run, exit 1 as for standard output; a path refused before any work is a bad argument
// (InputError, exit 3).
void OutputFile::fail(int err) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    if (!temporary_.empty()) ::unlink(temporary_.c_str());
    temporary_.clear();
    throw Error(path_ + ": " + cannot_write(err));
}

void OutputFile::write(std::string_view content) {
    if (fd_ < 0) throw InputError(path_, "cannot write: already closed");
    if (int err = write_all(fd_, content)) fail(err);
}

void OutputFile::commit() {
    if (fd_ < 0) throw InputError(path_, "cannot write: already closed");
    if (!temporary_.empty() && ::fsync(fd_) != 0) fail(errno);
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) fail(errno);
    if (temporary_.empty()) return;  // written through
    if (::rename(temporary_.c_str(), target_.c_str()) != 0) fail(errno);
    committed_ = true;
}

void write_file_atomically(const std::string& path, const std::string& content) {
    OutputFile file(path);
    file.write(content);
    file.commit();
}

void write_to_stdout(std::string_view content) {
    std::fflush(stdout);  // whatever stdio holds goes first
    int err = write_all(STDOUT_FILENO, content);
    if (err != 0)
        throw Error(std::string("cannot write to standard output: ") + std::strerror(err));
}

}  // namespace scanfix
