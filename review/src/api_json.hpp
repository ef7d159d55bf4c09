// The JSON the review page's script reads from the server: the page list, one page file with
// everything the page view draws, and the answer to a save. Kept apart from the HTTP plumbing
// (review_server.cpp) so that what the browser sees is one small, testable place.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scanfix/review/ocr_pages.hpp"
#include "scanfix/review/page_summary.hpp"
#include "scanfix/review/review_folder.hpp"
#include "scanfix/review/review_state.hpp"

namespace scanfix::review::api {

nlohmann::json summary_json(const PageSummary& row);

// One page file for the page view: per page its scan's size, lines and words (text, as read,
// box, confidence, doubtful, removed with the reason), and the saved state. `state_error` says
// why a saved state could not be read (the view then shows the OCR output and refuses saving).
nlohmann::json page_view_json(const PageFiles& files, const std::vector<OcrPage>& pages,
                              const ReviewState& state, bool has_state,
                              const std::string& state_error, double flag_below);

// The reviewer's state in the form the page view keeps it.
nlohmann::json state_json(const ReviewState& state);

}  // namespace scanfix::review::api
