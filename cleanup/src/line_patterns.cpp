// Whole-line ICU regular expressions for stamps and page numbers (see line_patterns.hpp).
#include "scanfix/cleanup/line_patterns.hpp"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include "scanfix/core/error.hpp"

namespace scanfix {

struct LinePatterns::Impl {
    struct Origin {
        std::string pattern, file;
        int line = 0;
    };
    std::vector<std::unique_ptr<icu::RegexPattern>> patterns;
    std::vector<Origin> origins;  // where each pattern was written, for errors while matching
};

namespace {
// Steps of ICU's match engine (of the order of milliseconds) one line may cost: a pattern
// with catastrophic backtracking, e.g. "(a+)+$", is reported instead of hanging the batch.
constexpr int32_t kMatchTimeLimit = 2000;
}  // namespace

LinePatterns::LinePatterns() : impl_(std::make_shared<Impl>()) {}
LinePatterns::~LinePatterns() = default;
LinePatterns::LinePatterns(const LinePatterns&) = default;
LinePatterns& LinePatterns::operator=(const LinePatterns&) = default;

void LinePatterns::add(const std::string& pattern, const std::string& file, int line) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError where{};
    std::unique_ptr<icu::RegexPattern> p(icu::RegexPattern::compile(
        icu::UnicodeString::fromUTF8(pattern), UREGEX_CASE_INSENSITIVE, where, status));
    if (U_FAILURE(status))
        throw ConfigError(file, line,
                          "pattern '" + pattern + "' is not a valid ICU regular expression (" +
                              u_errorName(status) + " at offset " + std::to_string(where.offset) +
                              ")");
    // Copy-on-write: copies of a LinePatterns share compiled patterns until one adds more.
    if (impl_.use_count() > 1) {
        auto fresh = std::make_shared<Impl>();
        for (const auto& q : impl_->patterns) fresh->patterns.emplace_back(q->clone());
        fresh->origins = impl_->origins;
        impl_ = fresh;
    }
    impl_->patterns.push_back(std::move(p));
    impl_->origins.push_back({pattern, file, line});
}

bool LinePatterns::matches(const std::string& text) const {
    size_t b = text.find_first_not_of(" \t"), e = text.find_last_not_of(" \t");
    if (b == std::string::npos || impl_->patterns.empty()) return false;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text.substr(b, e - b + 1));
    for (size_t i = 0; i < impl_->patterns.size(); ++i) {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::RegexMatcher> m(impl_->patterns[i]->matcher(u, status));
        if (U_FAILURE(status)) continue;
        m->setTimeLimit(kMatchTimeLimit, status);
        bool found = m->matches(status);
        if (status == U_REGEX_TIME_OUT || status == U_REGEX_STACK_OVERFLOW) {
            const Impl::Origin& o = impl_->origins[i];
            throw ConfigError(o.file, o.line,
                              "pattern '" + o.pattern +
                                  "' takes too long on a line (nested repetition such as "
                                  "(a+)+ backtracks without end); simplify it");
        }
        if (U_SUCCESS(status) && found) return true;
    }
    return false;
}

size_t LinePatterns::size() const {
    return impl_->patterns.size();
}

}  // namespace scanfix
