// Uses scanfix::pipeline from an installed package: every parameter a pipeline reads.
#include <scanfix/pipeline/pipeline.hpp>

int main() {
    return scanfix::pipeline_param_specs().size() > 20 ? 0 : 1;
}
