// The hOCR 1.2 rules of hocr_check.hpp, read from the document with pugixml.
#include "hocr_check.hpp"

#include <pugixml.hpp>

#include <map>
#include <optional>
#include <set>
#include <sstream>

namespace scanfix::test {
namespace {

struct Box {
    long x0, y0, x1, y1;
};

std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\n"), e = s.find_last_not_of(" \t\n");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// The title's properties: "bbox 1 2 3 4; x_wconf 93" -> {bbox: "1 2 3 4", x_wconf: "93"}.
std::map<std::string, std::string> properties(const std::string& title) {
    std::map<std::string, std::string> out;
    std::stringstream ss(title);
    for (std::string part; std::getline(ss, part, ';');) {
        part = trim(part);
        if (part.empty()) continue;
        size_t space = part.find(' ');
        out[part.substr(0, space)] = space == std::string::npos ? "" : trim(part.substr(space));
    }
    return out;
}

std::optional<Box> parse_bbox(const std::string& value) {
    std::stringstream ss(value);
    long v[4];
    for (long& x : v)
        if (!(ss >> x) || x < 0) return std::nullopt;
    std::string rest;
    if (ss >> rest || v[0] > v[2] || v[1] > v[3]) return std::nullopt;
    return Box{v[0], v[1], v[2], v[3]};
}

bool is_unsigned(const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

// The hOCR class of an element ("ocr_line"), or "" for plain markup.
std::string ocr_class(pugi::xml_node n) {
    std::stringstream ss(n.attribute("class").value());
    for (std::string c; ss >> c;)
        if (c.rfind("ocr_", 0) == 0 || c.rfind("ocrx_", 0) == 0) return c;
    return "";
}

// The containers each class may stand in (spec 1.2, typesetting elements).
const std::map<std::string, std::set<std::string>> kParents = {
    {"ocr_page", {""}},
    {"ocr_carea", {"ocr_page"}},
    {"ocr_par", {"ocr_carea", "ocr_page"}},
    {"ocr_line", {"ocr_par", "ocr_carea", "ocr_page"}},
    {"ocrx_word", {"ocr_line"}},
};

struct Checker {
    std::vector<std::string> problems;
    std::set<std::string> used_classes, ids;

    void walk(pugi::xml_node node, const std::string& parent_class,
              const std::optional<Box>& parent_box) {
        for (pugi::xml_node n : node.children()) {
            if (n.type() != pugi::node_element) continue;
            std::string cls = ocr_class(n);
            std::string id = n.attribute("id").value();
            if (!id.empty() && !ids.insert(id).second) problems.push_back("duplicate id " + id);
            if (cls.empty()) {
                walk(n, parent_class, parent_box);
                continue;
            }
            used_classes.insert(cls);
            std::string where = cls + (id.empty() ? "" : " " + id);
            auto allowed = kParents.find(cls);
            if (allowed != kParents.end() && !allowed->second.count(parent_class))
                problems.push_back(where + " inside " +
                                   (parent_class.empty() ? "no hOCR element" : parent_class));
            auto props = properties(n.attribute("title").value());
            std::optional<Box> box;
            if (props.count("bbox")) {
                box = parse_bbox(props["bbox"]);
                if (!box)
                    problems.push_back(where + ": bbox '" + props["bbox"] +
                                       "' is not x0 y0 x1 y1 with x0 <= x1, y0 <= y1");
                else if (parent_box && (box->x0 < parent_box->x0 || box->y0 < parent_box->y0 ||
                                        box->x1 > parent_box->x1 || box->y1 > parent_box->y1))
                    problems.push_back(where + ": bbox " + props["bbox"] +
                                       " is not inside its container's");
            } else if (cls == "ocr_page" || cls == "ocrx_word" || cls == "ocr_line") {
                problems.push_back(where + " has no bbox");
            }
            if (props.count("x_wconf")) {
                std::stringstream v(props["x_wconf"]);
                double c = -1;
                if (!(v >> c) || c < 0 || c > 100)
                    problems.push_back(where + ": x_wconf '" + props["x_wconf"] +
                                       "' is not a number in [0, 100]");
            }
            if (props.count("ppageno") && !is_unsigned(props["ppageno"]))
                problems.push_back(where + ": ppageno '" + props["ppageno"] +
                                   "' is not an unsigned integer");
            if (props.count("image") &&
                (props["image"].size() < 2 || props["image"].front() != '"' ||
                 props["image"].back() != '"'))
                problems.push_back(where + ": image is not a quoted file name");
            walk(n, cls, box ? box : parent_box);
        }
    }
};

}  // namespace

std::vector<std::string> hocr_problems(const std::string& hocr) {
    pugi::xml_document doc;
    pugi::xml_parse_result parsed = doc.load_string(hocr.c_str());
    if (!parsed) return {std::string("not well-formed XML: ") + parsed.description()};
    Checker c;
    pugi::xml_node html = doc.child("html");
    if (!html) return {"the root element is not <html>"};
    if (std::string(html.attribute("xmlns").value()) != "http://www.w3.org/1999/xhtml")
        c.problems.push_back("<html> is not in the XHTML namespace");
    auto count = [](pugi::xml_node n, const char* name) {
        return std::distance(n.children(name).begin(), n.children(name).end());
    };
    if (count(html, "head") != 1 || count(html, "body") != 1)
        c.problems.push_back("<html> needs exactly one <head> and one <body>");
    std::map<std::string, std::string> meta;
    for (pugi::xml_node m : html.child("head").children("meta"))
        if (m.attribute("name")) meta[m.attribute("name").value()] = m.attribute("content").value();
    if (trim(meta["ocr-system"]).empty()) c.problems.push_back("no ocr-system metadata");
    if (trim(meta["ocr-capabilities"]).empty())
        c.problems.push_back("no ocr-capabilities metadata");
    c.walk(html.child("body"), "", std::nullopt);
    if (!c.used_classes.count("ocr_page")) c.problems.push_back("no ocr_page");
    std::set<std::string> capabilities;
    std::stringstream caps(meta["ocr-capabilities"]);
    for (std::string cap; caps >> cap;) capabilities.insert(cap);
    for (const std::string& cls : c.used_classes)
        if (!capabilities.count(cls))
            c.problems.push_back(cls + " is used but not listed in ocr-capabilities");
    if (meta.count("ocr-number-of-pages") && !is_unsigned(trim(meta["ocr-number-of-pages"])))
        c.problems.push_back("ocr-number-of-pages is not an unsigned integer");
    return c.problems;
}

}  // namespace scanfix::test
