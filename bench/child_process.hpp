// Running a benchmarked program as a child process: its wall and CPU time and its peak
// resident memory (wait4's ru_maxrss), with its output discarded. Shared by the whole-run
// benchmarks in bench/.
#pragma once

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/core.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace scanfix::bench {

struct Sample {
    double wall = 0;     // seconds
    double cpu = 0;      // user + system seconds
    double peak_mb = 0;  // largest resident set of one process
};

// Runs argv with stdout and stderr discarded; returns its time and memory. Exits on failure.
inline Sample run_process(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    auto t0 = std::chrono::steady_clock::now();
    pid_t pid = fork();
    if (pid == 0) {
        FILE* null = std::fopen("/dev/null", "w");
        dup2(fileno(null), 1);
        dup2(fileno(null), 2);
        execvp(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    struct rusage ru {};
    wait4(pid, &status, 0, &ru);
    Sample s;
    s.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    s.cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6 + ru.ru_stime.tv_sec +
            ru.ru_stime.tv_usec * 1e-6;
    s.peak_mb = double(ru.ru_maxrss) / 1024.0;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fmt::print(stderr, "benchmark: '{}' failed (status {})\n", args[0], status);
        std::exit(1);
    }
    return s;
}

}  // namespace scanfix::bench
