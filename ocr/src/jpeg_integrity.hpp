// A libjpeg decoding pass over a JPEG held in memory, only to hear what libjpeg says about it:
// through OpenCV, damaged entropy-coded data is a "Corrupt JPEG data" line on stderr and a page
// with grey bands where the data was lost — a silently wrong page. Private to the ocr module.
#pragma once

#include <string>
#include <string_view>

namespace scanfix {

// Empty when libjpeg decodes `bytes` without a warning that means lost pixels; else libjpeg's
// own message (e.g. "Corrupt JPEG data: premature end of data segment"). A few extraneous
// bytes between segments, which some scanners write and which lose nothing, are not damage.
std::string jpeg_damage(std::string_view bytes);

}  // namespace scanfix
