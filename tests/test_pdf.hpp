// A minimal PDF writer for tests: one page per image, each image embedded as JPEG and filling
// its page at the given resolution, like a scanner's PDF. Optionally pages without any image
// (born-digital pages). Keeps PDF fixtures out of the repository.
#pragma once

#include <cstdio>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <string>
#include <vector>

namespace scanfix::test {

struct PdfPage {
    cv::Mat image;        // grey or BGR; empty: a page with no image
    double dpi = 300;     // resolution at which the image fills the page
    double width_pt = 0;  // page size when there is no image
    double height_pt = 0;
    double jpeg_share = 1;  // below 1: the JPEG is cut to this share of its bytes (damaged)
};

inline void write_test_pdf(const std::string& path, const std::vector<PdfPage>& pages) {
    std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<size_t> offsets(1, 0);  // object 0 is the free head
    auto begin_obj = [&](size_t id) {
        if (offsets.size() <= id) offsets.resize(id + 1, 0);
        offsets[id] = out.size();
        out += std::to_string(id) + " 0 obj\n";
    };
    size_t n = pages.size();
    std::string kids;
    for (size_t i = 0; i < n; ++i) kids += std::to_string(3 + 3 * i) + " 0 R ";
    begin_obj(1);
    out += "<< /Type /Catalog /Pages 2 0 R >>\nendobj\n";
    begin_obj(2);
    out += "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n) + " >>\nendobj\n";
    char num[64];
    for (size_t i = 0; i < n; ++i) {
        const PdfPage& p = pages[i];
        size_t page_id = 3 + 3 * i, content_id = page_id + 1, image_id = page_id + 2;
        double w = p.width_pt, h = p.height_pt;
        if (!p.image.empty()) {
            w = p.image.cols * 72.0 / p.dpi;
            h = p.image.rows * 72.0 / p.dpi;
        }
        std::snprintf(num, sizeof num, "%.3f %.3f", w, h);
        std::string wh = num;
        begin_obj(page_id);
        out += "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + wh + "] /Resources << ";
        if (!p.image.empty()) out += "/XObject << /Im0 " + std::to_string(image_id) + " 0 R >> ";
        out += ">> /Contents " + std::to_string(content_id) + " 0 R >>\nendobj\n";
        std::snprintf(num, sizeof num, "%.3f 0 0 %.3f 0 0", w, h);
        std::string content = p.image.empty() ? "" : "q " + std::string(num) + " cm /Im0 Do Q";
        begin_obj(content_id);
        out += "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
               "\nendstream\nendobj\n";
        begin_obj(image_id);
        if (p.image.empty()) {
            out += "null\nendobj\n";
            continue;
        }
        std::vector<uchar> jpeg;
        cv::imencode(".jpg", p.image, jpeg, {cv::IMWRITE_JPEG_QUALITY, 90});
        jpeg.resize(size_t(double(jpeg.size()) * p.jpeg_share));
        out += "<< /Type /XObject /Subtype /Image /Width " + std::to_string(p.image.cols) +
               " /Height " + std::to_string(p.image.rows) + " /ColorSpace " +
               (p.image.channels() == 1 ? "/DeviceGray" : "/DeviceRGB") +
               " /BitsPerComponent 8 /Filter /DCTDecode /Length " + std::to_string(jpeg.size()) +
               " >>\nstream\n";
        out.append(reinterpret_cast<const char*>(jpeg.data()), jpeg.size());
        out += "\nendstream\nendobj\n";
    }
    size_t xref = out.size();
    out += "xref\n0 " + std::to_string(offsets.size()) + "\n0000000000 65535 f \n";
    for (size_t i = 1; i < offsets.size(); ++i) {
        std::snprintf(num, sizeof num, "%010zu 00000 n \n", offsets[i]);
        out += num;
    }
    out += "trailer\n<< /Size " + std::to_string(offsets.size()) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    std::ofstream(path, std::ios::binary) << out;
}

}  // namespace scanfix::test
