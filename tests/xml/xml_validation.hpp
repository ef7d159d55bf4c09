// Validation of scanfix's XML outputs as a test sees them: ALTO and PAGE against the official
// schemas in ../shared/schemas (xmllint, nothing fetched), hOCR against the XHTML DTD from the
// local XML catalog and the hOCR rules of hocr_check.hpp.
#pragma once

#include <string>

namespace scanfix::test {

// Why the official-schema validation cannot run here ("" when it can): no xmllint, no
// ../shared/schemas.
std::string schema_validation_unavailable();
// Why the hOCR DTD validation cannot run here ("" when it can): no xmllint, no w3c-sgml-lib.
std::string xhtml_validation_unavailable();

// xmllint's complaints about `files` (a path or a shell glob) against the official ALTO 4.4 or
// PAGE 2019-07-15 schema; "" when every file validates.
std::string alto_schema_errors(const std::string& files);
std::string page_schema_errors(const std::string& files);
// xmllint's complaints about hOCR `files` against the XHTML 1.0 Transitional DTD.
std::string xhtml_dtd_errors(const std::string& files);

}  // namespace scanfix::test
