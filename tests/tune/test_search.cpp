// Coordinate descent on made-up objectives with a known optimum (no OCR): it must find the
// optimum, respect the trial budget, leave untunable parameters alone and keep ties at the start.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>

#include "scanfix/tune/search.hpp"

using namespace scanfix;
using namespace scanfix::tune;

namespace {

ParamSpec spec(const std::string& name, ParamType type, const std::string& def, double lo = 0,
               double hi = 0, std::vector<std::string> choices = {}) {
    ParamSpec s;
    s.name = name;
    s.type = type;
    s.default_value = def;
    s.min = lo;
    s.max = hi;
    s.choices = std::move(choices);
    return s;
}

double num(const Assignment& a, const std::string& key) {
    return std::strtod(a.at(key).c_str(), nullptr);
}

// A bowl in k around 0.37, in n around 7, best with the flag on and the "wolf" method; each
// term is independent of the others, as coordinate descent assumes.
double bowl(const Assignment& a) {
    double k = num(a, "x.k"), n = num(a, "x.n");
    return std::pow(k - 0.37, 2) + 0.01 * std::pow(n - 7, 2) + (a.at("x.flag") == "true" ? 0 : 1) +
           (a.at("x.method") == "wolf" ? 0 : 0.5);
}

std::vector<ParamSpec> bowl_specs() {
    return {spec("x.k", ParamType::Double, "0.2", 0.01, 1), spec("x.n", ParamType::Int, "3", 1, 40),
            spec("x.flag", ParamType::Bool, "false", 0, 1),
            spec("x.method", ParamType::Choice, "sauvola", 0, 0, {"sauvola", "wolf", "otsu"})};
}

}  // namespace

TEST_CASE("coordinate descent finds the optimum of a separable objective") {
    SearchBudget budget;
    SearchOptions options;
    options.max_passes = 8;
    SearchResult r = coordinate_descent(bowl_specs(), {}, bowl, budget, options);
    CHECK(
        r.start_score ==
        Approx(bowl({{"x.k", "0.2"}, {"x.n", "3"}, {"x.flag", "false"}, {"x.method", "sauvola"}})));
    CHECK(r.best.at("x.flag") == "true");
    CHECK(r.best.at("x.method") == "wolf");
    CHECK(num(r.best, "x.n") == 7);
    CHECK(num(r.best, "x.k") == Approx(0.37).margin(0.03));
    CHECK(r.score < 0.001);
    CHECK(r.converged);
    // Far fewer trials than a grid over the same values would need.
    CHECK(budget.trials() < 150);
}

TEST_CASE("the search stops at its trial budget and keeps the best found so far") {
    SearchBudget budget(5);
    SearchResult r = coordinate_descent(bowl_specs(), {}, bowl, budget);
    CHECK(budget.trials() == 5);
    CHECK_FALSE(r.converged);
    CHECK(r.score <= r.start_score);
    CHECK(r.score == Approx(bowl(r.best)));
}

TEST_CASE("a change must beat the current value by the minimum improvement") {
    // Every value of k scores the same but the start: ties keep the start; with a margin larger
    // than the best gain nothing moves at all.
    std::vector<ParamSpec> specs = {spec("x.k", ParamType::Double, "0.5", 0, 1)};
    auto flat = [](const Assignment&) { return 1.0; };
    SearchBudget b1;
    CHECK(coordinate_descent(specs, {}, flat, b1).best.at("x.k") == "0.5");

    auto slight = [](const Assignment& a) { return 1.0 - 0.001 * num(a, "x.k"); };
    SearchBudget b2;
    SearchOptions strict;
    strict.min_improvement = 0.01;
    CHECK(coordinate_descent(specs, {}, slight, b2, strict).best.at("x.k") == "0.5");
    SearchBudget b3;
    CHECK(coordinate_descent(specs, {}, slight, b3).best.at("x.k") != "0.5");
}

TEST_CASE("candidates stay in range; lists, free choices and untunable specs are not searched") {
    ParamSpec k = spec("x.k", ParamType::Double, "0.8", 0.1, 1);
    for (int pass = 0; pass < 4; ++pass)
        for (const std::string& v : candidate_values(k, "0.8", pass)) {
            double x = std::strtod(v.c_str(), nullptr);
            CHECK(x >= 0.1);
            CHECK(x <= 1);
            CHECK(v != "0.8");
        }
    ParamSpec small = spec("x.n", ParamType::Int, "3", 1, 6);
    CHECK(candidate_values(small, "3", 0).size() == 5);  // every other value of a short range
    CHECK(candidate_values(spec("x.l", ParamType::List, ""), "", 0).empty());
    CHECK(candidate_values(spec("x.lang", ParamType::Choice, "rus"), "rus", 0).empty());
    ParamSpec fixed = spec("x.f", ParamType::Bool, "true");
    fixed.tunable = false;
    CHECK(candidate_values(fixed, "true", 0).empty());

    // A value outside the searched specs passes through untouched.
    SearchBudget budget;
    SearchResult r =
        coordinate_descent(bowl_specs(), {{"y.other", "keep"}}, bowl, budget, SearchOptions{});
    CHECK(r.best.at("y.other") == "keep");
}
