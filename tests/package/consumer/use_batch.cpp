// Uses scanfix::batch from an installed package: a shard of a batch.
#include <scanfix/batch/shard.hpp>

int main() {
    return scanfix::batch::parse_shard("1/3").count == 3 ? 0 : 1;
}
