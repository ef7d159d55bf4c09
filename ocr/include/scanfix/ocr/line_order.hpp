// The order of the lines Tesseract read in one area. Its layout analysis sometimes makes a
// block of its own of a line a stamp or a blot cuts off from its paragraph, and reads that
// block before or after the paragraph it sits in: the line then comes out far from its place.
// A block that lies inside another block's height and mostly within its width is put back
// among that block's lines at its own height. Blocks side by side (a date beside an address,
// columns) are left in Tesseract's order.
#pragma once

#include <cstddef>
#include <vector>

#include "scanfix/core/page.hpp"

namespace scanfix {

// Reorders lines[from..] (the lines of one area, in Tesseract's order); returns how many lines
// were moved back into the block they sit in.
int restore_line_order(std::vector<Line>& lines, size_t from);

}  // namespace scanfix
