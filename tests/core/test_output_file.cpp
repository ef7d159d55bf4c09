// Output files: atomic replacement through unique temporary names (concurrent writers never
// collide), links followed, FIFOs written through, nothing left behind by an abandoned write.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "scanfix/core/error.hpp"
#include "scanfix/core/output_file.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace scanfix;

namespace {
size_t files_in(const std::string& dir) {
    size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir)) n += e.is_regular_file() ? 1 : 0;
    return n;
}
}  // namespace

TEST_CASE("concurrent writers of one output never collide; the last complete write wins") {
    const std::string dir = test::temp_dir("output-concurrent");
    const std::string path = dir + "/page.txt";
    std::vector<std::thread> writers;
    std::vector<int> failures(8, 0);
    for (int w = 0; w < 8; ++w)
        writers.emplace_back([&, w] {
            // Large enough that writes overlap; each writer's content is recognisable.
            const std::string content(200000, char('a' + w));
            for (int i = 0; i < 25; ++i) {
                try {
                    write_file_atomically(path, content);
                } catch (const Error&) {
                    ++failures[size_t(w)];
                }
            }
        });
    for (auto& t : writers) t.join();
    for (int f : failures) CHECK(f == 0);
    const std::string final_text = test::slurp(path);
    REQUIRE(final_text.size() == 200000);
    CHECK(final_text == std::string(200000, final_text[0]));  // one writer's, whole
    CHECK(files_in(dir) == 1);                                // no temporary file left
    fs::remove_all(dir);
}

TEST_CASE("an output abandoned before commit leaves the old file and no trace") {
    const std::string dir = test::temp_dir("output-abandoned");
    const std::string path = dir + "/report.json";
    write_file_atomically(path, "old\n");
    {
        OutputFile file(path);
        file.write("new, but never finished");
    }
    CHECK(test::slurp(path) == "old\n");
    CHECK(files_in(dir) == 1);
    fs::remove_all(dir);
}

TEST_CASE("a replaced file keeps its permissions; a long name still gets a temporary name") {
    const std::string dir = test::temp_dir("output-mode");
    const std::string path = dir + "/private.txt";
    write_file_atomically(path, "a\n");
    REQUIRE(::chmod(path.c_str(), 0600) == 0);
    write_file_atomically(path, "b\n");
    struct stat st;
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    // 250 bytes: with ".part" and a random part the temporary name must still fit in 255.
    const std::string long_name = dir + "/" + std::string(246, 'n') + ".txt";
    CHECK_NOTHROW(write_file_atomically(long_name, "c\n"));
    CHECK(test::slurp(long_name) == "c\n");
    fs::remove_all(dir);
}

TEST_CASE("a symbolic link keeps pointing at its file, which is the one replaced") {
    const std::string dir = test::temp_dir("output-link");
    fs::create_directories(dir + "/real");
    write_file_atomically(dir + "/real/out.txt", "old\n");
    fs::create_symlink("real/out.txt", dir + "/link.txt");
    fs::create_symlink("link.txt", dir + "/link2.txt");  // a chain of links
    write_file_atomically(dir + "/link2.txt", "new\n");
    CHECK(fs::is_symlink(dir + "/link.txt"));
    CHECK(fs::is_symlink(dir + "/link2.txt"));
    CHECK(test::slurp(dir + "/real/out.txt") == "new\n");
    // A link to a file not there yet creates the file, and stays a link.
    fs::create_symlink("real/later.txt", dir + "/dangling.txt");
    write_file_atomically(dir + "/dangling.txt", "made\n");
    CHECK(fs::is_symlink(dir + "/dangling.txt"));
    CHECK(test::slurp(dir + "/real/later.txt") == "made\n");
    // Links that loop are refused.
    fs::create_symlink("loop-b", dir + "/loop-a");
    fs::create_symlink("loop-a", dir + "/loop-b");
    CHECK_THROWS_AS(write_file_atomically(dir + "/loop-a", "x"), InputError);
    fs::remove_all(dir);
}

TEST_CASE("a FIFO is written through and stays a FIFO; a folder is refused") {
    const std::string dir = test::temp_dir("output-fifo");
    const std::string path = dir + "/pipe";
    REQUIRE(::mkfifo(path.c_str(), 0644) == 0);
    std::string received;
    std::thread reader([&] {
        int fd = ::open(path.c_str(), O_RDONLY);
        char buf[4096];
        for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) received.append(buf, size_t(n));
        ::close(fd);
    });
    const std::string content(300000, 'x');  // more than a pipe holds at once
    write_file_atomically(path, content);
    reader.join();
    CHECK(received == content);
    struct stat st;
    REQUIRE(::lstat(path.c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
    CHECK_THROWS_AS(write_file_atomically(dir, "x"), InputError);
    CHECK_THROWS_WITH(write_file_atomically(dir + "/none/a.txt", "x"),
                      Catch::Contains("output folder does not exist"));
    fs::remove_all(dir);
}
