// Deterministic random numbers for the sample page generator. The std distributions differ
// between standard libraries, so the few shapes the generator needs are derived here from the
// raw mt19937_64 stream: a seed gives the same page on every platform.
#pragma once

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace scanfix::samples {

class Rng {
  public:
    explicit Rng(std::uint64_t seed) : engine_(seed) {}

    // Uniform in [0, 1).
    double unit() { return static_cast<double>(engine_() >> 11) * (1.0 / 9007199254740992.0); }
    // Uniform in [lo, hi).
    double uniform(double lo, double hi) { return lo + (hi - lo) * unit(); }
    // Uniform integer in [lo, hi] (inclusive).
    int between(int lo, int hi) {
        return lo + static_cast<int>(unit() * static_cast<double>(hi - lo + 1));
    }
    bool chance(double p) { return unit() < p; }
    // Normal distribution by Box-Muller (one value per call, the twin is dropped for simplicity).
    double normal(double mean, double sigma) {
        double u1 = unit(), u2 = unit();
        if (u1 < 1e-300) u1 = 1e-300;
        return mean + sigma * std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    template <class T>
    const T& pick(const std::vector<T>& items) {
        return items[static_cast<size_t>(between(0, static_cast<int>(items.size()) - 1))];
    }
    // A new independent stream, so one page or one noise kind does not shift the others.
    Rng fork(std::uint64_t salt) { return Rng(engine_() ^ (salt * 0x9E3779B97F4A7C15ULL)); }

  private:
    std::mt19937_64 engine_;
};

}  // namespace scanfix::samples
