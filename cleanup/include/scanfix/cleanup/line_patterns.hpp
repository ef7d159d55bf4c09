// Whole-line patterns in ICU regular-expression syntax, as profiles give them for stamps
// ("Экз\.\s*№.*") and page numbers. A pattern matches when it covers the whole line, any case.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace scanfix {

class LinePatterns {
  public:
    LinePatterns();
    ~LinePatterns();
    LinePatterns(const LinePatterns&);
    LinePatterns& operator=(const LinePatterns&);

    // Compiles one pattern; a syntax error throws ConfigError naming `file` and `line` (the
    // profile entry the pattern came from) and the offset in the pattern.
    void add(const std::string& pattern, const std::string& file = "", int line = 0);
    // True when one of the patterns matches the whole text (trimmed).
    bool matches(const std::string& text) const;
    size_t size() const;

  private:
    struct Impl;
    std::shared_ptr<Impl> impl_;
};

}  // namespace scanfix
