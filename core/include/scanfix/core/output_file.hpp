// Writing output files so that a crash or a full disk never leaves a half-written file that
// looks finished (a uniquely named temporary file beside the target, flushed, then renamed),
// without ever replacing what a path points at: a device or a pipe is written through, a
// symbolic link keeps pointing at its file, which is the one replaced. Standard output too.
#pragma once

#include <string>
#include <string_view>

namespace scanfix {

// Writes `content` to `path`:
// - a regular file (or a new one) is replaced atomically: the content goes to a temporary file
//   with a name no other writer uses (".NAME.XXXXXX.part" in the same folder), is flushed to
//   disk and renamed over the target, so concurrent writers never mix and the last complete
//   write wins; an existing file keeps its permissions;
// - a symbolic link (or a chain of them) is followed, and the file it names is replaced the
//   same way, in that file's folder; the link itself stays;
// - a character device (/dev/null, a terminal) or a FIFO is opened for writing and written
//   through, never truncated, renamed or removed;
// - a folder, a block device or a socket is refused.
// Refusing to overwrite an input is the caller's job. Throws InputError naming `path` when
// the path itself is refused (a missing folder, a block device, no permission), and Error
// naming it when a write fails once opened (with "No space left on device" when that is the
// reason): the command line exits 3 for the first, 1 for the second.
void write_file_atomically(const std::string& path, const std::string& content);

// The same for output produced in pieces (a report streamed while a long transcription is
// cleaned): write() as often as needed, then commit(). Until commit() the target is untouched;
// an OutputFile destroyed without commit() leaves no trace (its temporary file is removed).
class OutputFile {
  public:
    explicit OutputFile(const std::string& path);
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;
    void write(std::string_view content);
    void commit();

  private:
    [[noreturn]] void fail(int err);
    std::string path_;       // as given, for messages
    std::string target_;     // the regular file replaced (links followed)
    std::string temporary_;  // empty when writing through to a device or FIFO
    int fd_ = -1;
    bool committed_ = false;
};

// Writes `content` to standard output and flushes it; throws Error("cannot write to standard
// output: ...") when that fails (a full disk, /dev/full, a closed pipe reported as EPIPE).
void write_to_stdout(std::string_view content);

}  // namespace scanfix
