// Sharding: `--shard K/N` takes every N-th input file starting at K (0-based), so N copies of the
// same command — a Slurm job array, a Kubernetes indexed Job, GNU parallel over hosts — together
// process every file exactly once, with no scheduler of our own (see docs/batch.md).
#pragma once

#include <string>
#include <vector>

namespace scanfix::batch {

struct Shard {
    int index = 0;  // K, 0 <= K < N
    int count = 1;  // N
    bool takes(size_t position) const { return int(position % size_t(count)) == index; }
};

// Parses "K/N". Throws ConfigError naming --shard when malformed or K is not below N.
Shard parse_shard(const std::string& text);

// The positions of `total` items that belong to `shard`, ascending.
std::vector<size_t> shard_positions(size_t total, const Shard& shard);

}  // namespace scanfix::batch
