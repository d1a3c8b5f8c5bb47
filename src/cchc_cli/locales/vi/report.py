"""vi catalogue: report (`cchc report`, `cchc templates check`, the report's fixed texts)."""

MESSAGES: dict[str, str] = {
    # --- diagnostics: templates
    "CCHC501": "Mẫu báo cáo sai cú pháp Jinja: {error}.",
    "CCHC501.hint": "Sửa thẻ tại dòng này của mẫu: mỗi `{{{{` cần `}}}}`, mỗi `{{% block %}}`/"
    "`{{% if %}}`/`{{% for %}}` cần thẻ đóng tương ứng. Chạy `cchc templates check` để kiểm tra "
    "lại.",
    "code.CCHC501": "Mẫu báo cáo sai cú pháp (Jinja)",
    "CCHC502": "Mẫu báo cáo dùng biến không có trong dữ liệu báo cáo: {error}.",
    "CCHC502.hint": "Kiểm tra chính tả tên biến tại dòng này; danh sách biến dùng được có trong "
    "README, mục “Báo cáo”. Chạy `cchc templates check` để kiểm tra cả thư mục mẫu.",
    "code.CCHC502": "Mẫu báo cáo dùng biến/thuộc tính không tồn tại",
    "CCHC503": "Mẫu báo cáo dùng biến `{name}` không có trong danh sách biến của báo cáo.",
    "CCHC503.hint": "Các biến dùng được: {known}.",
    "CCHC503.hint_guess": "Có phải ý bạn là `{guess}`? Các biến dùng được: {known}.",
    "code.CCHC503": "Mẫu báo cáo dùng tên biến không được hỗ trợ",
    "CCHC504": "Mẫu báo cáo thực hiện thao tác không được phép trong môi trường an toàn: {error}.",
    "CCHC504.hint": "Mẫu chỉ được đọc dữ liệu báo cáo; bỏ lời gọi hàm/thuộc tính nội bộ "
    "(bắt đầu bằng `_`) tại dòng này.",
    "code.CCHC504": "Mẫu báo cáo vi phạm giới hạn an toàn (sandbox)",
    "CCHC505": "Lỗi khi dựng báo cáo từ mẫu: {error}.",
    "CCHC505.hint": "Xem lại biểu thức tại dòng này của mẫu (phép tính, bộ lọc, kiểu dữ liệu).",
    "code.CCHC505": "Lỗi khi chạy mẫu báo cáo",
    "CCHC506": "Không đọc được mẫu báo cáo `{template}`.",
    "CCHC506.hint": "Kiểm tra tệp có tồn tại, đúng tên và mở được; tệp .docx phải là tài liệu Word "
    "hợp lệ (lưu bằng Word dạng .docx, không phải .doc).",
    "code.CCHC506": "Không tìm thấy hoặc không đọc được tệp mẫu",
    "CCHC507": "Thẻ Jinja trong mẫu Word sai: {error} (gần đoạn “{context}”).",
    "CCHC507.hint": "Mở mẫu .docx trong Word và gõ lại thẻ này liền một lần (Word hay tách thẻ "
    "`{{{{ … }}}}` khi sửa giữa chừng); thẻ dòng bảng viết `{{%tr for … %}}`, thẻ đoạn "
    "`{{%p if … %}}`.",
    "code.CCHC507": "Thẻ Jinja trong mẫu Word (.docx) sai",
    "CCHC508": "Thư mục mẫu báo cáo `{folder}` không tồn tại hoặc không phải thư mục.",
    "CCHC508.hint": "Chỉ đúng thư mục bằng `--templates THƯ_MỤC` hoặc mục `templates` của "
    "cchc.yaml; để dùng mẫu có sẵn, bỏ tùy chọn này.",
    "code.CCHC508": "Thư mục mẫu báo cáo không tồn tại",
    "CCHC509": "Tệp `{name}` trong thư mục mẫu không thay thế mẫu nào của cchc nên sẽ không được "
    "dùng (trừ khi được mẫu khác gọi tới).",
    "CCHC509.hint": "Tên các mẫu có sẵn: {known}.",
    "CCHC509.hint_guess": "Có phải ý bạn là `{guess}`? Tên các mẫu có sẵn: {known}.",
    "code.CCHC509": "Tệp trong thư mục mẫu không trùng tên mẫu nào",
    # --- diagnostics: report
    "CCHC510": "Không lập báo cáo chính thức: dữ liệu còn {errors} lỗi (liệt kê trong các thông "
    "báo kèm theo).",
    "CCHC510.hint": "Sửa các lỗi rồi chạy lại `cchc report`; để xem trước, chạy "
    "`cchc report --draft` (mọi trang sẽ mang dấu “DỰ THẢO”).",
    "code.CCHC510": "Từ chối lập báo cáo vì dữ liệu còn lỗi (dùng --draft để lập bản dự thảo)",
    "CCHC511": "Không thể lập báo cáo, kể cả bản dự thảo: bộ tiêu chí hoặc kế hoạch phân công "
    "không đọc được.",
    "CCHC511.hint": "Sửa các lỗi của bộ tiêu chí và kế hoạch phân công trước (`cchc validate`).",
    "code.CCHC511": "Thiếu dữ liệu tối thiểu để lập báo cáo",
    "CCHC512": "Đã lập bản DỰ THẢO dù dữ liệu còn {errors} lỗi; không dùng bản này để ký, gửi.",
    "CCHC512.hint": "Sửa các lỗi rồi chạy lại không có `--draft` để có báo cáo chính thức.",
    "code.CCHC512": "Đã lập bản dự thảo khi dữ liệu còn lỗi",
    "CCHC520": "Không ghi được `{path}`: tệp đang được mở trong chương trình khác (Word, Excel…).",
    "CCHC520.hint": "Đóng tệp rồi chạy lại lệnh. Báo cáo cũ vẫn được giữ nguyên.",
    "code.CCHC520": "Tệp báo cáo đang mở trong Word/Excel: đóng tệp rồi chạy lại",
    "CCHC521": "Không ghi được `{path}`: {error}.",
    "CCHC521.hint": "Kiểm tra thư mục đầu ra có quyền ghi và còn chỗ trống (mục `output` của "
    "cchc.yaml hoặc `--out`). Không có tệp dở dang nào được ghi; báo cáo cũ vẫn được giữ nguyên.",
    "code.CCHC521": "Không ghi được tệp báo cáo (thư mục chỉ đọc, đầy đĩa…)",
    "CCHC522": "Không có cơ quan mã `{agency_code}` trong kế hoạch phân công.",
    "CCHC522.hint": "Các mã cơ quan trong kế hoạch: {known}.",
    "CCHC522.hint_guess": "Có phải ý bạn là `{guess}`? Các mã cơ quan trong kế hoạch: {known}.",
    "code.CCHC522": "`--agency` nêu mã cơ quan không có trong kế hoạch",
    "CCHC523": "Không đọc được tệp khó khăn, kiến nghị (mục `notes` của cchc.yaml): {error}.",
    "CCHC523.hint": "Lưu tệp dạng văn bản thuần, mã hóa UTF-8 (trong Notepad: Save As → "
    "Encoding: UTF-8).",
    "code.CCHC523": "Tệp khó khăn, kiến nghị (notes) không đọc được hoặc không phải UTF-8",
    "CCHC524": "Cơ quan `{agency_code}` ({name}) không được giao chấm điểm tiêu chí nào.",
    "CCHC524.hint": "Báo cáo của cơ quan này sẽ không có bảng điểm; kiểm tra lại mã cơ quan hoặc "
    "kế hoạch phân công.",
    "code.CCHC524": "Cơ quan không được giao tiêu chí nào",
    "CCHC525": "`--out {path}` không dùng được với `--format {fmt}`: {reason}.",
    "CCHC525.hint": "Với `--format all`, `--out` là một thư mục; với một định dạng, `--out` là "
    "tên tệp hoặc một thư mục có sẵn.",
    "code.CCHC525": "Giá trị `--out` không phù hợp với `--format`",
    "report.out_is_file": "đó là một tệp, cần một thư mục",
    # --- command line
    "help.cmd.report": "Lập báo cáo tự đánh giá, chấm điểm (Word, Excel, HTML, Markdown) từ dữ "
    "liệu "
    "đã kiểm tra; từ chối nếu dữ liệu còn lỗi, trừ khi dùng --draft.",
    "help.cmd.templates": "Làm việc với mẫu báo cáo (templates).",
    "help.cmd.templates_check": "Kiểm tra một thư mục mẫu báo cáo: cú pháp, tên biến, thẻ trong "
    "mẫu Word.",
    "help.opt.report_format": "Định dạng: docx, xlsx, html, md hoặc all (mặc định: all).",
    "help.opt.out": "Nơi ghi: tên tệp (một định dạng) hoặc thư mục; mặc định: mục `output` của "
    "cchc.yaml.",
    "help.opt.agency": "Lập báo cáo riêng của một cơ quan (mã cơ quan, ví dụ SNV).",
    "help.opt.draft": "Lập bản DỰ THẢO kể cả khi dữ liệu còn lỗi (mọi trang mang dấu “DỰ THẢO”).",
    "help.opt.date": "Ngày lập báo cáo (NĂM-THÁNG-NGÀY) in trên báo cáo; mặc định không in ngày.",
    "help.opt.templates": "Thư mục mẫu báo cáo của tỉnh; các tệp trong đó thay thế mẫu có sẵn "
    "cùng tên.",
    "report.written": "Đã ghi {path}",
    "report.templates_ok": "Thư mục mẫu {folder}: không có lỗi ({count} tệp mẫu).",
    # --- texts built into the model
    "report.title.province": "Kết quả tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính "
    "năm {year} của {province_full}",
    "report.title.agency": "Kết quả tự chấm điểm các tiêu chí, tiêu chí thành phần Chỉ số cải cách "
    "hành chính năm {year} được giao cho {agency}",
    "report.letterhead.province_1": "Ủy ban nhân dân",
    "report.letterhead.province_2": "{province_full}",
    "report.letterhead.agency_1": "UBND {province_full}",
    "report.province_full": "tỉnh {province}",
    "report.draft_mark": "DỰ THẢO",
    "report.owner.part": "{name} ({domain})",
    "report.owner.cooperating": "{name} (phối hợp)",
    "report.owner.ministry": "Bộ Nội vụ",
    "report.ev.number": "số {number}",
    "report.ev.date": "ngày {date}",
    "report.ev.issuer": "của {issuer}",
    "report.validation_summary": "{errors} lỗi, {warnings} cảnh báo, {infos} thông tin",
    # --- fixed labels (templates: labels.<name>)
    "report.label.report_word": "BÁO CÁO",
    "report.label.nation": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "report.label.motto": "Độc lập - Tự do - Hạnh phúc",
    "report.label.draft_notice": "Bản dự thảo: dữ liệu chưa qua kiểm tra đầy đủ, không dùng để ký, "
    "gửi.",
    "report.label.working_notice": "Lưu ý: bộ tiêu chí đang dùng là bản làm việc, chưa đối chiếu "
    "đầy đủ với phụ lục chính thức của Quyết định {decision}; tên và điểm tối đa của một số "
    "tiêu chí "
    "có thể khác bản chính thức.",
    "report.label.generated": "Ngày lập báo cáo",
    "report.label.based_on": "Căn cứ",
    "report.label.methodology": "Bộ chỉ số",
    "report.label.plan": "Kế hoạch",
    "report.label.coordinator": "Cơ quan chủ trì",
    "report.label.due_before": "Hạn gửi báo cáo về Sở Nội vụ: trước ngày",
    "report.label.section_summary": "I. KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM",
    "report.label.section_summary_intro": "Bảng tổng hợp điểm tự đánh giá theo lĩnh vực, tiêu chí "
    "và tiêu chí thành phần (điểm tự đánh giá chỉ tính các tiêu chí tỉnh tự chấm).",
    "report.label.section_explanations": "II. GIẢI TRÌNH CÁC TIÊU CHÍ KHÔNG CÓ HOẶC CHƯA ĐẦY ĐỦ "
    "TÀI "
    "LIỆU KIỂM CHỨNG",
    "report.label.section_notes": "III. KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ, ĐỀ XUẤT",
    "report.label.section_agency_summary": "I. KẾT QUẢ TỰ CHẤM ĐIỂM CÁC TIÊU CHÍ ĐƯỢC GIAO",
    "report.label.section_cooperation": "III. CÁC TIÊU CHÍ PHỐI HỢP CHẤM ĐIỂM",
    "report.label.appendices": "PHỤ LỤC",
    "report.label.appendix_lost": "Phụ lục 1. Các tiêu chí chưa đạt điểm tối đa (điểm bị trừ, "
    "từ nhiều đến ít)",
    "report.label.appendix_agencies": "Phụ lục 2. Tổng hợp theo cơ quan chấm điểm",
    "report.label.appendix_validation": "Phụ lục 3. Kết quả kiểm tra dữ liệu",
    "report.label.appendix_checksums": "Phụ lục 4. Mã kiểm tra SHA-256 của các tệp dữ liệu đầu vào",
    "report.label.chart_title": "Điểm tự đánh giá so với điểm tối đa",
    "report.label.chart_by_area": "Theo lĩnh vực",
    "report.label.chart_full": "Đạt tối đa",
    "report.label.chart_partial": "Chưa đạt tối đa",
    "report.label.chart_score": "Điểm tự đánh giá",
    "report.label.chart_max": "Điểm tối đa",
    "report.label.col_no": "STT",
    "report.label.col_id": "Mã",
    "report.label.col_title": "Lĩnh vực / tiêu chí / tiêu chí thành phần",
    "report.label.col_item": "Tiêu chí",
    "report.label.col_max": "Điểm tối đa",
    "report.label.col_self_max": "Điểm tối đa tự đánh giá",
    "report.label.col_score": "Điểm tự đánh giá",
    "report.label.col_percent": "Tỷ lệ",
    "report.label.col_owner": "Cơ quan chấm điểm",
    "report.label.col_evidence": "Tài liệu kiểm chứng",
    "report.label.col_explanation": "Giải trình",
    "report.label.col_comment": "Ý kiến phối hợp",
    "report.label.col_lost": "Điểm bị trừ",
    "report.label.col_method": "Hình thức đánh giá",
    "report.label.col_agency": "Cơ quan",
    "report.label.col_items": "Số tiêu chí được giao",
    "report.label.col_scored": "Đã chấm",
    "report.label.col_missing": "Chưa chấm",
    "report.label.col_cooperating": "Phối hợp",
    "report.label.col_file": "Tệp",
    "report.label.col_file_status": "Trạng thái tệp",
    "report.label.col_sha256": "SHA-256",
    "report.label.col_severity": "Mức",
    "report.label.col_code": "Mã lỗi",
    "report.label.col_where": "Vị trí",
    "report.label.col_message": "Nội dung",
    "report.label.col_measured": "Số đo",
    "report.label.total": "Tổng điểm tự đánh giá",
    "report.label.total_agency": "Tổng điểm tự chấm của cơ quan",
    "report.label.total_line": "Tổng điểm tự đánh giá",
    "report.label.out_of": "trên tổng số",
    "report.label.points": "điểm",
    "report.label.ministry_items": "Các tiêu chí do Bộ Nội vụ đánh giá (điều tra xã hội học, "
    "Chỉ số "
    "hài lòng SIPAS), tỉnh không tự chấm",
    "report.label.ministry_total": "Tổng điểm tối đa các tiêu chí do Bộ Nội vụ đánh giá",
    "report.label.full_max": "Tổng điểm tối đa của bộ chỉ số",
    "report.label.method_self": "Tự đánh giá",
    "report.label.method_survey": "Điều tra xã hội học",
    "report.label.method_sipas": "Chỉ số hài lòng (SIPAS)",
    "report.label.status_missing": "Chưa chấm",
    "report.label.status_ministry": "Bộ Nội vụ đánh giá",
    "report.label.evidence_none": "Chưa có tài liệu kiểm chứng",
    "report.label.evidence_incomplete": "Tài liệu kiểm chứng chưa đầy đủ (thiếu số hoặc ngày "
    "văn bản)",
    "report.label.no_explanation": "(chưa có giải trình)",
    "report.label.none_lost": "Không có tiêu chí nào bị trừ điểm.",
    "report.label.none_explanations": "Mọi tiêu chí tự đánh giá đều có đầy đủ tài liệu kiểm chứng.",
    "report.label.none_cooperation": "Cơ quan không được giao phối hợp chấm tiêu chí nào.",
    "report.label.no_notes": "Chưa có nội dung (khai báo tệp khó khăn, kiến nghị ở mục `notes` của "
    "cchc.yaml).",
    "report.label.validation_ok": "Dữ liệu đã qua toàn bộ các bước kiểm tra, không có lỗi.",
    "report.label.validation_errors": "Dữ liệu còn lỗi: báo cáo này chỉ là bản dự thảo.",
    "report.label.file_submitted": "Đã nộp",
    "report.label.file_draft": "Đang soạn",
    "report.label.file_none": "Chưa có tệp",
    "report.label.agency_file": "Tệp chấm điểm",
    "report.label.coordinator_mark": "chủ trì",
    "report.label.sheet_summary": "Tổng hợp",
    "report.label.sheet_explanations": "Giải trình",
    "report.label.sheet_lost": "Bị trừ điểm",
    "report.label.sheet_agencies": "Theo cơ quan",
    "report.label.sheet_cooperation": "Phối hợp",
    "report.label.sheet_checks": "Kiểm tra",
    "report.label.recipients": "Nơi nhận",
    "report.label.signature": "TM. ỦY BAN NHÂN DÂN",
    "report.label.signature_agency": "GIÁM ĐỐC",
}
