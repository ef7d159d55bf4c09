// xmllint runs for xml_validation.hpp.
#include "xml_validation.hpp"

#include <filesystem>

#include "test_paths.hpp"

namespace fs = std::filesystem;

namespace scanfix::test {
namespace {

bool have_xmllint() {
    return run_command("command -v xmllint") == 0;
}

std::string xmllint_errors(const std::string& args, const std::string& files) {
    std::string err;
    int rc = run_command("xmllint --nonet --noout " + args + " " + files, nullptr, &err);
    if (rc == 0) return "";
    return err.empty() ? "xmllint exit " + std::to_string(rc) : err;
}

}  // namespace

std::string schema_validation_unavailable() {
    if (!have_xmllint()) return "xmllint (libxml2-utils) is not installed";
    std::string dir = shared_schemas_dir();
    if (dir.empty() || !fs::exists(dir + "/alto-4-4.xsd") ||
        !fs::exists(dir + "/page-2019-07-15.xsd"))
        return "the official schemas are not in ../shared/schemas (or $SCANFIX_SHARED_SCHEMAS)";
    return "";
}

std::string xhtml_validation_unavailable() {
    if (!have_xmllint()) return "xmllint (libxml2-utils) is not installed";
    if (!fs::exists("/usr/share/xml/w3c-sgml-lib"))
        return "the XHTML DTD (package w3c-sgml-lib) is not installed";
    return "";
}

std::string alto_schema_errors(const std::string& files) {
    return xmllint_errors("--schema " + shared_schemas_dir() + "/alto-4-4.xsd", files);
}

std::string page_schema_errors(const std::string& files) {
    return xmllint_errors("--schema " + shared_schemas_dir() + "/page-2019-07-15.xsd", files);
}

std::string xhtml_dtd_errors(const std::string& files) {
    return xmllint_errors("--valid", files);
}

}  // namespace scanfix::test
