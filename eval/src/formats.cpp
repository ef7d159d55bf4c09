// ALTO, PAGE and hOCR text extraction with pugixml, and format detection from content; see
// formats.hpp. Element names are matched without namespace prefix, so ALTO v2, v3 and v4 and
// all PAGE schema versions read alike.
#include "scanfix/eval/formats.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <map>
#include <vector>

#include "scanfix/core/error.hpp"
#include "scanfix/core/text.hpp"

namespace scanfix::eval {

namespace {

std::string_view local_name(const pugi::xml_node& node) {
    std::string_view name = node.name();
    size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool has_class(const pugi::xml_node& node, std::string_view cls) {
    std::string_view classes = node.attribute("class").value();
    size_t at = 0;
    while ((at = classes.find(cls, at)) != std::string_view::npos) {
        bool starts = at == 0 || classes[at - 1] == ' ';
        bool ends = at + cls.size() == classes.size() || classes[at + cls.size()] == ' ';
        if (starts && ends) return true;
        at += cls.size();
    }
    return false;
}

void append_word(std::string& line, const std::string& word) {
    if (word.empty()) return;
    if (!line.empty()) line += ' ';
    line += word;
}

// Lines separated by "\n", groups (blocks, regions, paragraphs) by a blank line.
class TextBuilder {
  public:
    void line(const std::string& text, const void* group) {
        if (!out_.empty()) out_ += group == group_ ? "\n" : "\n\n";
        group_ = group;
        out_ += text;
    }
    std::string take() { return std::move(out_); }

  private:
    std::string out_;
    const void* group_ = nullptr;
};

size_t line_of(const std::string& content, ptrdiff_t offset) {
    offset = std::clamp<ptrdiff_t>(offset, 0, ptrdiff_t(content.size()));
    return 1 + size_t(std::count(content.begin(), content.begin() + offset, '\n'));
}

// Deepest nesting of nodes below `root`, walked without recursion.
size_t nesting_depth(const pugi::xml_node& root) {
    size_t depth = 0, deepest = 0;
    pugi::xml_node n = root.first_child();
    if (n) depth = 1;
    while (n) {
        deepest = std::max(deepest, depth);
        if (pugi::xml_node child = n.first_child()) {
            n = child;
            ++depth;
            continue;
        }
        while (n != root && !n.next_sibling()) {
            n = n.parent();
            --depth;
        }
        if (n == root) break;
        n = n.next_sibling();
    }
    return deepest;
}

// Real ALTO, PAGE and hOCR nest about ten levels; the extractors below recurse, so a file
// nested thousands deep (hostile or broken) would exhaust the stack.
constexpr size_t kMaxNesting = 256;

pugi::xml_document parse_xml(const std::string& content, const std::string& origin) {
    pugi::xml_document doc;
    pugi::xml_parse_result r =
        doc.load_buffer(content.data(), content.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!r)
        throw InputError(origin, std::string("malformed XML (line ") +
                                     std::to_string(line_of(content, r.offset)) +
                                     "): " + r.description());
    if (size_t depth = nesting_depth(doc); depth > kMaxNesting)
        throw InputError(origin, "elements nested " + std::to_string(depth) +
                                     " levels deep (more than " + std::to_string(kMaxNesting) +
                                     "): not a page transcription");
    return doc;
}

std::string alto_text(const pugi::xml_document& doc) {
    TextBuilder out;
    for (pugi::xpath_node xl : doc.select_nodes("//*[local-name()='TextLine']")) {
        pugi::xml_node line = xl.node();
        std::string text;
        for (pugi::xml_node child : line.children()) {
            std::string_view name = local_name(child);
            if (name == "String") append_word(text, child.attribute("CONTENT").value());
            if (name == "HYP") text += child.attribute("CONTENT").value();
        }
        out.line(text, line.parent().internal_object());
    }
    return out.take();
}

// The TextEquiv child with the lowest index (PAGE allows several alternatives).
pugi::xml_node best_text_equiv(const pugi::xml_node& node) {
    pugi::xml_node best;
    int best_index = 0;
    for (pugi::xml_node child : node.children()) {
        if (local_name(child) != "TextEquiv") continue;
        int index = child.attribute("index").as_int(0);
        if (!best || index < best_index) best = child, best_index = index;
    }
    return best;
}

bool text_equiv(const pugi::xml_node& node, std::string& text) {
    pugi::xml_node equiv = best_text_equiv(node);
    if (!equiv) return false;
    for (pugi::xml_node child : equiv.children())
        if (local_name(child) == "Unicode") {
            text = child.child_value();
            return true;
        }
    return false;
}

// Region ids in reading order: ordered groups by their index, nested groups flattened.
void reading_order(const pugi::xml_node& group, std::vector<std::string>& ids) {
    std::vector<std::pair<int, pugi::xml_node>> items;
    int position = 0;
    for (pugi::xml_node child : group.children()) {
        if (child.type() != pugi::node_element) continue;
        items.emplace_back(child.attribute("index").as_int(position++), child);
    }
    if (local_name(group).find("Unordered") == std::string_view::npos)
        std::stable_sort(items.begin(), items.end(),
                         [](const auto& x, const auto& y) { return x.first < y.first; });
    for (const auto& item : items) {
        if (const char* ref = item.second.attribute("regionRef").value(); *ref) ids.push_back(ref);
        reading_order(item.second, ids);
    }
}

void page_region_text(const pugi::xml_node& region, TextBuilder& out) {
    bool has_lines = false;
    for (pugi::xml_node line : region.children()) {
        if (local_name(line) != "TextLine") continue;
        has_lines = true;
        std::string text;
        if (!text_equiv(line, text)) {
            for (pugi::xml_node word : line.children()) {
                std::string w;
                if (local_name(word) == "Word" && text_equiv(word, w)) append_word(text, w);
            }
        }
        out.line(text, region.internal_object());
    }
    std::string text;
    if (!has_lines && text_equiv(region, text)) out.line(text, region.internal_object());
}

std::string page_text(const pugi::xml_document& doc) {
    std::vector<pugi::xml_node> regions;
    std::map<std::string, pugi::xml_node> by_id;
    for (pugi::xpath_node xr : doc.select_nodes("//*[local-name()='TextRegion']")) {
        regions.push_back(xr.node());
        by_id[xr.node().attribute("id").value()] = xr.node();
    }
    std::vector<std::string> order;
    if (pugi::xpath_node ro = doc.select_node("//*[local-name()='ReadingOrder']"))
        reading_order(ro.node(), order);
    std::vector<pugi::xml_node> ordered;
    for (const auto& id : order) {
        auto it = by_id.find(id);
        if (it == by_id.end() || !it->second) continue;
        ordered.push_back(it->second);
        it->second = pugi::xml_node();  // each region once
    }
    for (const auto& region : regions) {  // regions the reading order leaves out, as in the file
        const char* id = region.attribute("id").value();
        if (!*id || by_id[id]) ordered.push_back(region);
    }

    TextBuilder out;
    for (const auto& region : ordered) page_region_text(region, out);
    return out.take();
}

// Text content of an element, markup inside it (e.g. <strong>) dropped.
std::string inner_text(const pugi::xml_node& node) {
    std::string text;
    for (pugi::xml_node d = node.first_child(); d; d = d.next_sibling()) {
        if (d.type() == pugi::node_pcdata || d.type() == pugi::node_cdata) text += d.value();
        if (d.type() == pugi::node_element) text += inner_text(d);
    }
    return text;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size())
        s.replace(at, from.size(), to);
}

bool is_hocr_line(const pugi::xml_node& node) {
    for (const char* cls : {"ocr_line", "ocrx_line", "ocr_header", "ocr_caption", "ocr_textfloat"})
        if (has_class(node, cls)) return true;
    return false;
}

void collect_words(const pugi::xml_node& node, std::string& line) {
    for (pugi::xml_node child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        if (has_class(child, "ocrx_word"))
            append_word(line, inner_text(child));
        else
            collect_words(child, line);
    }
}

void hocr_lines(const pugi::xml_node& node, const void* paragraph, TextBuilder& out) {
    for (pugi::xml_node child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        if (is_hocr_line(child)) {
            std::string line;
            collect_words(child, line);
            if (line.empty()) line = inner_text(child);
            out.line(line, paragraph);
        } else {
            bool group = has_class(child, "ocr_par") || has_class(child, "ocr_carea") ||
                         has_class(child, "ocr_page");
            hocr_lines(child, group ? child.internal_object() : paragraph, out);
        }
    }
}

std::string hocr_text(const pugi::xml_document& doc) {
    TextBuilder out;
    hocr_lines(doc, nullptr, out);
    std::string text = out.take();
    // XML parsing leaves HTML's named entities alone; the common ones mean a space or a sign.
    replace_all(text, "&nbsp;", " ");
    replace_all(text, "&shy;", "\u00AD");
    replace_all(text, "&mdash;", "\u2014");
    replace_all(text, "&ndash;", "\u2013");
    return text;
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

const char* to_string(TextFormat format) {
    switch (format) {
        case TextFormat::Plain:
            return "text";
        case TextFormat::Alto:
            return "alto";
        case TextFormat::PageXml:
            return "page";
        case TextFormat::Hocr:
            return "hocr";
    }
    return "text";
}

TextFormat detect_format(const std::string& content, const std::string& origin) {
    size_t start = content.find_first_not_of(" \t\r\n");
    if (start == std::string::npos || content[start] != '<') return TextFormat::Plain;
    std::string_view head = std::string_view(content).substr(start, 4096);
    std::string lower(head);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](char c) { return char(std::tolower(static_cast<unsigned char>(c))); });
    bool looks_like_markup = starts_with(lower, "<?xml") || starts_with(lower, "<!doctype") ||
                             starts_with(lower, "<alto") || starts_with(lower, "<pcgts") ||
                             starts_with(lower, "<html") || starts_with(lower, "<!--");
    if (!looks_like_markup) return TextFormat::Plain;  // e.g. a transcription opening with «<»
    pugi::xml_document doc = parse_xml(content, origin);
    std::string_view root = local_name(doc.document_element());
    if (root == "alto") return TextFormat::Alto;
    if (root == "PcGts") return TextFormat::PageXml;
    if (root == "html") {
        if (content.find("ocr_page") != std::string::npos ||
            content.find("ocrx_word") != std::string::npos ||
            content.find("ocr_line") != std::string::npos)
            return TextFormat::Hocr;
        throw InputError(origin, "HTML without hOCR classes (ocr_page, ocr_line, ocrx_word)");
    }
    throw InputError(
        origin, "unknown XML document <" + std::string(root) + ">; expected ALTO, PAGE or hOCR");
}

std::string extract_text(const std::string& content, TextFormat format, const std::string& origin) {
    if (format == TextFormat::Plain) return content;
    pugi::xml_document doc = parse_xml(content, origin);
    std::string text;
    switch (format) {
        case TextFormat::Alto:
            text = alto_text(doc);
            break;
        case TextFormat::PageXml:
            text = page_text(doc);
            break;
        case TextFormat::Hocr:
            text = hocr_text(doc);
            break;
        case TextFormat::Plain:
            break;
    }
    if (!is_valid_utf8(text)) throw InputError(origin, "character references give invalid text");
    return to_nfc(text);
}

LoadedText load_text(const std::string& path) {
    std::string content = read_text_file(path);
    LoadedText loaded;
    loaded.format = detect_format(content, path);
    loaded.text = extract_text(content, loaded.format, path);
    return loaded;
}

std::string load_reference(const std::string& path) {
    return load_text(path).text;
}

}  // namespace scanfix::eval
