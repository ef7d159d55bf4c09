// JPEG integrity check with libjpeg's decompressor and an error manager that listens instead of
// printing; see jpeg_integrity.hpp. Decoding at 1/8 scale still entropy-decodes every block
// (where damage shows) while skipping most of the inverse DCT, so the pass is cheap.
#include "jpeg_integrity.hpp"

#include <csetjmp>
#include <cstdio>
#include <vector>

// clang-format off
#include <jpeglib.h>
#include <jerror.h>
// clang-format on

namespace scanfix {
namespace {

struct Listener {
    jpeg_error_mgr manager;  // first member: libjpeg hands back a pointer to it
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX] = {0};
};

void on_error(j_common_ptr info) {
    auto* listener = reinterpret_cast<Listener*>(info->err);
    (*info->err->format_message)(info, listener->message);
    std::longjmp(listener->jump, 1);
}

void on_message(j_common_ptr info, int level) {
    if (level >= 0) return;  // trace output, not a warning
    auto* listener = reinterpret_cast<Listener*>(info->err);
    // A few stray bytes between segments are common and lose nothing; many bytes left over
    // before the end marker mean the decoder lost its way in damaged data and stopped.
    if (info->err->msg_code == JWRN_EXTRANEOUS_DATA &&
        !(info->err->msg_parm.i[1] == 0xD9 && info->err->msg_parm.i[0] > 16))
        return;
    if (listener->message[0]) return;
    (*info->err->format_message)(info, listener->message);
}

void silent(j_common_ptr) {}

}  // namespace

std::string jpeg_damage(std::string_view bytes) {
    jpeg_decompress_struct info;
    Listener listener;
    std::vector<JSAMPLE> row;
    info.err = jpeg_std_error(&listener.manager);
    listener.manager.error_exit = on_error;
    listener.manager.emit_message = on_message;
    listener.manager.output_message = silent;
    jpeg_create_decompress(&info);
    if (setjmp(listener.jump)) {
        jpeg_destroy_decompress(&info);
        return listener.message[0] ? listener.message : "corrupt JPEG data";
    }
    jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(bytes.data()),
                 static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(&info, TRUE);
    info.scale_num = 1;
    info.scale_denom = 8;
    info.dct_method = JDCT_IFAST;
    info.do_fancy_upsampling = FALSE;
    jpeg_start_decompress(&info);
    row.resize(size_t(info.output_width) * size_t(info.output_components));
    while (info.output_scanline < info.output_height) {
        JSAMPROW rows[1] = {row.data()};
        jpeg_read_scanlines(&info, rows, 1);
    }
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    return listener.message;
}

}  // namespace scanfix
