"""vi catalogue: scores (agency score files, scaffold, schema, status, merged)."""

MESSAGES: dict[str, str] = {
    # --- file-level checks
    "CCHC400": "Chưa có tệp chấm điểm của {name} ({agency_code}) trong thư mục {folder}; cơ quan "
    "này được giao {count} tiêu chí.",
    "CCHC400.hint": "Tạo tệp bằng lệnh `cchc scaffold {agency_code}` (tệp {file}), điền điểm rồi "
    "chạy lại `cchc validate`.",
    "code.CCHC400": "Cơ quan được giao chấm điểm chưa có tệp chấm điểm (cảnh báo trước hạn, lỗi "
    "từ ngày hết hạn)",
    "CCHC401": "Mã cơ quan `{agency_code}` không có trong kế hoạch phân công ({plan}).",
    "CCHC401.hint": "Ghi đúng mã cơ quan như trong kế hoạch: {known}.",
    "CCHC401.hint_guess": "Có phải ý bạn là `{guess}`? Các mã trong kế hoạch: {known}.",
    "code.CCHC401": "Mã cơ quan trong tệp chấm điểm không có trong kế hoạch",
    "CCHC402": "Tệp {file} khai báo cơ quan {agency_code} ({name}), nhưng tệp {other} (dòng "
    "{other_line}) cũng khai báo cơ quan này; chỉ tệp {other} được dùng để tổng hợp.",
    "CCHC402.hint": "Mỗi cơ quan chỉ có một tệp chấm điểm: gộp nội dung hai tệp {other} và "
    "{file} vào một tệp rồi xóa tệp kia, hoặc sửa `agency:` nếu ghi nhầm mã.",
    "code.CCHC402": "Hai tệp chấm điểm cùng khai báo một cơ quan",
    "CCHC403": "Năm chấm điểm `year: {year}` khác năm của kế hoạch phân công ({plan_year}, tệp "
    "{plan}).",
    "CCHC403.hint": "Sửa thành `year: {plan_year}`; nếu đây là tệp của năm khác, chuyển nó ra "
    "khỏi thư mục chấm điểm.",
    "code.CCHC403": "Năm của tệp chấm điểm khác năm của kế hoạch",
    "CCHC404": "Tệp có `status: submitted` (đã gửi) nhưng thiếu ngày gửi `submitted:`.",
    "CCHC404.hint": "Thêm dòng `submitted: NĂM-THÁNG-NGÀY` (ngày ký báo cáo gửi Sở Nội vụ, ví dụ "
    "2020-01-15); nếu chưa gửi, để `status: draft`.",
    "code.CCHC404": "Đã gửi (submitted) nhưng thiếu ngày gửi",
    "CCHC405": "Báo cáo gửi ngày {submitted}, muộn {days} ngày (phải gửi trước ngày {due}, tức "
    "chậm nhất ngày {last_day}).",
    "CCHC405.hint": "Kiểm tra lại ngày `submitted:`; nếu đúng là gửi muộn, Sở Nội vụ cần nêu lý "
    "do trong báo cáo tổng hợp.",
    "code.CCHC405": "Tệp chấm điểm gửi sau hạn (cảnh báo, kèm số ngày muộn)",
    # --- item checks
    "CCHC410": "Không có tiêu chí nào mã `{id}` trong bộ tiêu chí.",
    "CCHC410.hint": "Dùng đúng mã trong {criteria}, đặt trong ngoặc kép. Các mã của cơ quan bạn: "
    "{own}.",
    "CCHC410.hint_guess": "Có phải ý bạn là `{guess}`? Mã phải đặt trong ngoặc kép, ví dụ "
    '"{guess}":.',
    "code.CCHC410": "Mã tiêu chí không có trong bộ tiêu chí",
    "CCHC411": "Tiêu chí {id} thuộc {owners}, không phải của {name}.",
    "CCHC411.hint": "Xóa tiêu chí {id} khỏi tệp này; chỉ chấm các tiêu chí được giao (xem `cchc "
    "scaffold` hoặc kế hoạch phân công). Nếu kế hoạch giao sai, Sở Nội vụ sửa tệp kế hoạch.",
    "code.CCHC411": "Chấm điểm tiêu chí không được giao (nêu cơ quan được giao)",
    "CCHC412": "Tiêu chí {id} ({title}) do Bộ Nội vụ chấm qua {method}; tỉnh không tự chấm.",
    "CCHC412.hint": "Xóa tiêu chí {id} khỏi tệp chấm điểm.",
    "code.CCHC412": "Tự chấm tiêu chí do Bộ Nội vụ chấm (điều tra xã hội học, SIPAS)",
    "CCHC413": "Mã {id} là nhóm tiêu chí, không chấm trực tiếp; điểm của nó là tổng các tiêu chí "
    "thành phần.",
    "CCHC413.hint": "Chấm từng tiêu chí thành phần: {leaves}.",
    "code.CCHC413": "Chấm điểm mã của một nhóm (không phải tiêu chí lá)",
    "CCHC414": "Cơ quan phối hợp không chấm điểm tiêu chí {id} (trường `{field}`); điểm do "
    "{owners} chấm.",
    "CCHC414.hint": "Xóa dòng `{field}:`; cơ quan phối hợp chỉ ghi ý kiến (`comment:`) và tài "
    "liệu kiểm chứng (`evidence:`).",
    "code.CCHC414": "Cơ quan phối hợp ghi điểm (score/measured)",
    "CCHC415": "Chưa chấm tiêu chí {id}{part}: {title} (tối đa {max} điểm).",
    "CCHC415.hint": 'Ghi điểm vào `score:` của tiêu chí "{id}", kèm giải trình và tài liệu '
    "kiểm chứng.",
    "CCHC415.hint_rubric": 'Ghi giá trị đo (tỷ lệ %) vào `measured:` của tiêu chí "{id}"; cchc '
    "tự tính điểm.",
    "code.CCHC415": "Tiêu chí được giao chưa chấm (cảnh báo khi còn là bản nháp trước hạn, sau "
    "đó là lỗi)",
    "CCHC416": "Điểm {score} của tiêu chí {id} nằm ngoài khoảng cho phép [0, {max}].",
    "CCHC416.hint": "Ghi điểm từ 0 đến {max}.",
    "code.CCHC416": "Điểm âm hoặc vượt điểm tối đa",
    "CCHC417": "Điểm {score} của tiêu chí {id} không phải một mức điểm được phép ({levels}).",
    "CCHC417.hint": "Chọn một trong các mức: {levels}.",
    "code.CCHC417": "Điểm không thuộc các mức điểm của tiêu chí",
    "CCHC418": "Điểm ghi là {score} nhưng theo thang tỷ lệ, giá trị đo {measured}{unit} cho "
    "{computed} điểm (tiêu chí {id}).",
    "CCHC418.hint": "Xóa dòng `score:` (cchc tự tính điểm từ `measured:`) hoặc sửa `score: "
    "{computed}`; nếu giá trị đo sai, sửa `measured:`.",
    "code.CCHC418": "Điểm ghi khác điểm tính theo giá trị đo (measured)",
    "CCHC419": "Tiêu chí {id} không chấm theo thang tỷ lệ, không dùng giá trị đo `measured: "
    "{measured}`.",
    "CCHC419.hint": "Xóa dòng `measured:` và ghi điểm vào `score:`.",
    "code.CCHC419": "Ghi measured cho tiêu chí không có thang tỷ lệ",
    "CCHC420": "Giá trị đo {measured}{unit} của tiêu chí {id} nằm ngoài thang [{min}, {max}].",
    "CCHC420.hint": "Giá trị đo là tỷ lệ từ {min} đến {max}; kiểm tra lại phép tính.",
    "code.CCHC420": "Giá trị đo (measured) ngoài thang",
    "CCHC421": "Tiêu chí {id} được {score} điểm nhưng không có tài liệu kiểm chứng.",
    "CCHC421.hint": "Thêm vào `evidence:` từng văn bản (số ký hiệu `number:`, ngày `date:`, cơ "
    "quan ban hành, trích yếu); không có tài liệu thì không được tính điểm.",
    "code.CCHC421": "Có điểm nhưng không có tài liệu kiểm chứng",
    "CCHC422": "Tài liệu kiểm chứng thứ {index} của tiêu chí {id} ({label}) thiếu số, ký hiệu "
    "văn bản `number:`.",
    "CCHC422.hint": "Ghi số, ký hiệu như trên văn bản, ví dụ `number: 123/KH-UBND`.",
    "code.CCHC422": "Tài liệu kiểm chứng thiếu số, ký hiệu",
    "CCHC423": "Tài liệu kiểm chứng thứ {index} của tiêu chí {id} ({label}) thiếu ngày ban hành "
    "`date:`.",
    "CCHC423.hint": "Ghi ngày ban hành dạng NĂM-THÁNG-NGÀY, ví dụ `date: 2019-03-15`.",
    "code.CCHC423": "Tài liệu kiểm chứng thiếu ngày ban hành",
    "CCHC424": "Tiêu chí {id} không có đủ tài liệu kiểm chứng và không có giải trình.",
    "CCHC424.hint": "Bộ Nội vụ yêu cầu giải trình cho mọi tiêu chí không có hoặc thiếu tài liệu "
    "kiểm chứng: ghi lý do vào `explanation:` hoặc bổ sung tài liệu (có số, ngày).",
    "code.CCHC424": "Thiếu tài liệu kiểm chứng mà không giải trình",
    "CCHC425": "Đường dẫn tài liệu `{path}` không hợp lệ: {reason}.",
    "CCHC425.hint": "Đặt bản quét trong thư mục tài liệu kiểm chứng ({folder}) và ghi đường dẫn "
    "tương đối từ thư mục đó, ví dụ `file: snv/123-KH-UBND.pdf`.",
    "code.CCHC425": "Đường dẫn tài liệu kiểm chứng tuyệt đối hoặc ra ngoài thư mục làm việc",
    "CCHC426": "Không tìm thấy tệp tài liệu kiểm chứng `{path}` ({reason}).",
    "CCHC426.hint": "Đường dẫn tính từ thư mục tài liệu kiểm chứng ({folder}); kiểm tra tên tệp, "
    "phần mở rộng (.pdf), chữ hoa/thường, hoặc chép tệp vào đó.",
    "code.CCHC426": "Tệp tài liệu kiểm chứng không tồn tại",
    "CCHC428": "Tài liệu kiểm chứng của tiêu chí {id} đề ngày {date}, sau ngày gửi báo cáo "
    "{submitted}.",
    "CCHC428.hint": "Kiểm tra lại ngày văn bản (`date:`) hoặc ngày gửi báo cáo (`submitted:`).",
    "code.CCHC428": "Tài liệu kiểm chứng đề ngày sau ngày gửi báo cáo",
    # --- scaffold / schema command problems
    "CCHC430": "Tệp {file} của {agency_code} đã có; cchc không ghi đè lên tệp đã có.",
    "CCHC430.hint": "Dùng `cchc scaffold {agency_code} --update` để thêm các tiêu chí mới được "
    "giao mà không đổi phần đã viết; hoặc đổi tên/xóa tệp cũ nếu muốn tạo lại từ đầu.",
    "code.CCHC430": "scaffold: tệp đã có, không ghi đè",
    "CCHC431": "Không thể tự thêm tiêu chí vào {file}: mục `items:` phải là một bảng viết nhiều "
    "dòng.",
    "CCHC431.hint": "Sửa tệp cho đúng dạng của `cchc scaffold` (`items:` rồi mỗi tiêu chí một "
    'dòng `"1.1.1":` thụt lề 2 dấu cách), rồi chạy lại `cchc scaffold --update`.',
    "code.CCHC431": "scaffold --update: cấu trúc tệp không cho phép thêm tiêu chí",
    "CCHC432": "Có nhiều tệp khai báo cơ quan {agency_code}: {files}.",
    "CCHC432.hint": "Giữ một tệp duy nhất cho mỗi cơ quan rồi chạy lại lệnh.",
    "code.CCHC432": "scaffold: nhiều tệp cùng khai báo một cơ quan",
    "CCHC433": "{name} ({agency_code}) không được giao chấm điểm hay phối hợp tiêu chí nào trong "
    "kế hoạch.",
    "CCHC433.hint": "Kiểm tra mã cơ quan; xem phân công bằng `cchc owners --agency {agency_code}`.",
    "code.CCHC433": "scaffold/schema: cơ quan không có tiêu chí nào",
    "CCHC434": "Không có cơ quan `{agency_code}` trong kế hoạch phân công.",
    "CCHC434.hint": "Các mã cơ quan chấm điểm: {known}.",
    "code.CCHC434": "scaffold/schema: mã cơ quan không có trong kế hoạch (mã thoát 2)",
    "CCHC435": "Không ghi được tệp {file}: {reason}.",
    "CCHC435.hint": "Nếu tệp đang mở trong chương trình khác, đóng lại rồi chạy lại; kiểm tra "
    "quyền ghi vào thư mục.",
    "code.CCHC435": "Không ghi được tệp đầu ra (scaffold, schema)",
    # --- fragments
    "scores.owner_domain": "{name} (phần {domain})",
    "scores.owner_list": "{owners}",
    "scores.owner_none": "không cơ quan nào (kế hoạch chưa giao)",
    "scores.method.survey": "điều tra xã hội học lãnh đạo, quản lý",
    "scores.method.sipas": "khảo sát Chỉ số hài lòng (SIPAS)",
    "scores.method.self": "tự chấm",
    "scores.method.None": "phương pháp không xác định",
    "scores.missing_part": " (phần {domain})",
    "scores.missing_decision": " (điểm quyết định của cơ quan chủ trì)",
    "scores.path.empty": "đường dẫn rỗng",
    "scores.path.absolute": "là đường dẫn tuyệt đối; phải là đường dẫn tương đối trong thư mục "
    "tài liệu kiểm chứng",
    "scores.path.outside": "trỏ ra ngoài thư mục làm việc",
    "scores.path.missing": "không có tệp này",
    "scores.path.not_file": "đây là thư mục, không phải tệp",
    # --- scaffold text (comments written into new score files)
    "scores.scaffold.header": "Tệp tự chấm điểm Chỉ số cải cách hành chính năm {year} của {name} "
    "({code}), tỉnh {province}.\nTạo bằng lệnh `cchc scaffold {code}`. Mỗi tiêu chí dưới "
    "`items:` có ghi chú: tên, điểm tối đa, mức điểm hoặc thang tỷ lệ, tài liệu kiểm chứng cần "
    "nộp và vai trò của cơ quan.\n\nCách điền: `score:` = điểm tự chấm (dấu chấm thập phân, ví "
    "dụ 0.5); với tiêu chí tính theo tỷ lệ, ghi giá trị đo vào `measured:` (ví dụ 95.5), cchc tự "
    "tính điểm; `explanation:` = giải trình (bắt buộc khi thiếu tài liệu kiểm chứng hoặc không "
    "đạt điểm tối đa); `evidence:` = danh sách tài liệu kiểm chứng, mỗi văn bản một mục:\n- "
    "number: 123/KH-UBND  (số, ký hiệu văn bản)\n  date: 2019-03-15  (ngày ban hành, "
    "NĂM-THÁNG-NGÀY)\n  issuer: UBND tỉnh  (cơ quan ban hành)\n  title: Kế hoạch cải cách hành "
    "chính năm 2019  (trích yếu)\n  file: {code_lower}/123-KH-UBND.pdf  (không bắt buộc: bản "
    "quét, trong thư mục {evidence})\n\nKiểm tra bằng `cchc validate`. Khi gửi báo cáo chính "
    "thức: đổi `status: draft` thành `status: submitted` và ghi ngày ký vào `submitted:`. Hạn "
    "gửi {coordinator}: trước ngày {due}.",
    "scores.scaffold.status_comment": "draft = đang soạn; submitted = đã gửi báo cáo chính thức",
    "scores.scaffold.submitted_comment": "ngày ký báo cáo gửi đi, dạng NĂM-THÁNG-NGÀY (ví dụ "
    "2020-01-15)",
    "scores.scaffold.max": "Điểm tối đa: {max}.",
    "scores.scaffold.levels": "Mức điểm: {levels}.",
    "scores.scaffold.band": "từ {value}{unit}: {points} điểm",
    "scores.scaffold.rubric": "Chấm theo thang “{title}” — ghi giá trị đo vào `measured:`: "
    "{bands}.",
    "scores.scaffold.guidance": "Tài liệu kiểm chứng: {guidance}",
    "scores.scaffold.role.lead": "Vai trò: chủ trì, chấm điểm tiêu chí này.",
    "scores.scaffold.role.part": "Vai trò: chấm phần “{domain}” trên toàn thang điểm của tiêu "
    "chí; tiêu chí chia cho: {owners}; điểm tiêu chí = {combine}.",
    "scores.scaffold.role.decision": "Vai trò: cơ quan chủ trì Kế hoạch quyết định điểm của tiêu "
    "chí chia phần này (ghi `score:`), sau khi xem điểm của: {owners}.",
    "scores.scaffold.role.cooperating": "Vai trò: phối hợp — chỉ ghi ý kiến (`comment:`) và tài "
    "liệu kiểm chứng (`evidence:`), không chấm điểm; chủ trì: {owners}.",
    "scores.scaffold.combine.min": "điểm thấp nhất trong các phần",
    "scores.scaffold.combine.mean": "trung bình cộng các phần",
    "scores.scaffold.combine.coordinator": "điểm do cơ quan chủ trì Kế hoạch quyết định",
    "scores.scaffold.update_marker": "Các tiêu chí dưới đây được thêm bởi `cchc scaffold "
    "--update` (mới được giao theo kế hoạch).",
    "scores.scaffold.usage": "Ghi mã một cơ quan (ví dụ `cchc scaffold SNV`) hoặc dùng --all, "
    "không dùng cả hai.",
    "scores.scaffold.created": "Đã tạo {file} ({count} tiêu chí) và {schema}.",
    "scores.scaffold.updated": "Đã thêm {count} tiêu chí vào {file}: {items}. Phần đã viết giữ "
    "nguyên.",
    "scores.scaffold.unchanged": "{file}: không có tiêu chí mới; tệp giữ nguyên.",
    # --- schema descriptions (hover text in VS Code)
    "scores.schema.title": "Tệp tự chấm điểm Chỉ số CCHC năm {year} — {name} ({code})",
    "scores.schema.description": "Tạo bằng `cchc schema`; chỉ liệt kê các tiêu chí cơ quan được "
    "giao hoặc phối hợp.",
    "scores.schema.format": "Phiên bản định dạng tệp chấm điểm (hiện là 1).",
    "scores.schema.year": "Năm đánh giá, trùng với kế hoạch phân công.",
    "scores.schema.items": 'Các tiêu chí: mã tiêu chí đặt trong ngoặc kép, ví dụ "1.1.1".',
    "scores.schema.item": "{id} — {title}. Điểm tối đa: {max}.",
    "scores.schema.score": "Điểm tự chấm, từ 0 đến {max}.",
    "scores.schema.measured": "Giá trị đo theo thang “{title}” ({unit}); cchc tự tính điểm.",
    "scores.schema.explanation": "Giải trình (bắt buộc khi thiếu tài liệu kiểm chứng).",
    "scores.schema.comment": "Ý kiến, ghi chú.",
    "scores.schema.evidence": "Tài liệu kiểm chứng: mỗi văn bản một mục.",
    "scores.schema.ev.number": "Số, ký hiệu văn bản, ví dụ 123/KH-UBND.",
    "scores.schema.ev.date": "Ngày ban hành, dạng NĂM-THÁNG-NGÀY.",
    "scores.schema.ev.issuer": "Cơ quan ban hành.",
    "scores.schema.ev.title": "Trích yếu nội dung văn bản.",
    "scores.schema.ev.file": "Bản quét (không bắt buộc), đường dẫn tương đối trong thư mục tài "
    "liệu kiểm chứng.",
    "scores.schema.written": "Đã ghi {file}.",
    # --- status
    "scores.status.title": "Tiến độ tự chấm điểm — {province} {year}",
    "scores.status.col.code": "Mã",
    "scores.status.col.agency": "Cơ quan",
    "scores.status.col.file": "Tệp",
    "scores.status.col.state": "Trạng thái",
    "scores.status.col.owned": "Được giao",
    "scores.status.col.scored": "Đã chấm",
    "scores.status.col.missing": "Còn thiếu",
    "scores.status.col.errors": "Lỗi",
    "scores.status.col.warnings": "Cảnh báo",
    "scores.status.col.points": "Điểm / tối đa",
    "scores.status.state.none": "chưa có tệp",
    "scores.status.state.draft": "đang soạn",
    "scores.status.state.submitted": "đã gửi {date}",
    "scores.status.state.late": "đã gửi {date} (muộn {days} ngày)",
    "scores.status.deadline_left": "Hạn gửi: trước ngày {due} (ngày cuối {last_day}) — còn "
    "{days} ngày; {pending} cơ quan chưa gửi.",
    "scores.status.deadline_today": "Hạn gửi: trước ngày {due} — hôm nay là ngày cuối cùng; "
    "{pending} cơ quan chưa gửi.",
    "scores.status.deadline_late": "Hạn gửi: trước ngày {due} — đã quá hạn {days} ngày; "
    "{pending} cơ quan chưa gửi.",
    "scores.status.deadline_done": "Hạn gửi: trước ngày {due} — mọi cơ quan đã gửi báo cáo.",
    "scores.status.total": "Toàn tỉnh (phần tự chấm): {score} / {max} điểm; {scored}/{leaves} "
    "tiêu chí đã có điểm. Bộ Nội vụ chấm qua điều tra, SIPAS: {ministry} điểm.",
    "scores.status.see_validate": "Chạy `cchc validate` để xem chi tiết từng lỗi, cảnh báo.",
    # --- merged
    "scores.merged.title": "Kết quả tự chấm điểm tổng hợp — {province} {year}",
    "scores.merged.col.item": "Mã",
    "scores.merged.col.title": "Tiêu chí",
    "scores.merged.col.score": "Điểm",
    "scores.merged.col.max": "Tối đa",
    "scores.merged.col.owners": "Cơ quan",
    "scores.merged.col.status": "Trạng thái",
    "scores.merged.status.scored": "đã chấm",
    "scores.merged.status.missing": "chưa chấm",
    "scores.merged.status.ministry": "Bộ Nội vụ chấm",
    "scores.merged.total": "Tổng điểm tự chấm: {score} / {max}; phần Bộ Nội vụ chấm: {ministry} "
    "điểm.",
    # --- help
    "help.cmd.scaffold": "Tạo tệp chấm điểm trống cho một cơ quan (hoặc --all): liệt kê đúng các "
    "tiêu chí được giao, kèm ghi chú; không ghi đè tệp đã có. --update thêm tiêu chí mới được "
    "giao, giữ nguyên phần đã viết.",
    "help.cmd.schema": "Tạo JSON Schema cho tệp chấm điểm của một cơ quan (để VS Code gợi ý mã "
    "tiêu chí và gạch chân lỗi). Mặc định in ra màn hình; --out ghi ra tệp.",
    "help.cmd.status": "Bảng tiến độ: mỗi cơ quan được giao bao nhiêu tiêu chí, đã chấm, còn "
    "thiếu, số lỗi, cảnh báo, điểm tự chấm; số ngày còn lại đến hạn (hoặc đã quá hạn) và tổng "
    "điểm toàn tỉnh.",
    "help.cmd.merged": "In kết quả tổng hợp: mọi tiêu chí với cơ quan chấm, điểm (gộp các phần), "
    "tài liệu kiểm chứng, giải trình; tổng điểm theo lĩnh vực, tiêu chí và toàn tỉnh.",
    "help.opt.scaffold_all": "Tạo tệp cho mọi cơ quan được giao chấm điểm.",
    "help.opt.scaffold_update": "Tệp đã có: chỉ thêm các tiêu chí mới được giao vào cuối "
    "`items:`, không đổi một byte nào của phần đã viết.",
    "help.opt.schema_out": "Ghi schema ra tệp này thay vì in ra màn hình.",
}
