"""vi catalogue: criteria (tree checks, `cchc tree`, `cchc criteria import`)."""

MESSAGES: dict[str, str] = {
    # --- labels used inside messages
    "criteria.where.root": "mục cấp lĩnh vực, nằm ngay dưới `items`",
    "criteria.where.under": "mục con trực tiếp của `{parent}`",
    "criteria.kind.areas": "lĩnh vực (mục cấp 1)",
    "criteria.kind.criteria": "tiêu chí (mục cấp 2)",
    "criteria.kind.subcriteria": "tiêu chí thành phần (mục cấp 3)",
    "criteria.rubric.min_max": "`min` ({min}) phải nhỏ hơn `max` ({max})",
    "criteria.rubric.fraction": "`fraction: {value}` phải nằm trong khoảng 0 đến 1 (tỷ lệ của "
    "điểm tối đa)",
    "criteria.rubric.from_range": "`from: {value}` nằm ngoài khoảng đo [{min}, {max}] của thang",
    "criteria.rubric.duplicate_from": "`from: {value}` đã có ở dòng {first_line}",
    "criteria.rubric.no_min": "không có mức nào bắt đầu từ giá trị nhỏ nhất của thang (`from: "
    "{min}`), nên giá trị đo thấp sẽ không thuộc mức nào",
    "criteria.rubric.no_full": "không có mức nào cho đủ điểm (`fraction: 1`), nên không mục nào "
    "dùng thang này đạt được điểm tối đa",
    "criteria.method.self": "tự chấm",
    "criteria.method.survey": "điều tra XHH",
    "criteria.method.sipas": "SIPAS",
    "criteria.method.none": "chưa có cách chấm",
    # --- tree checks (criteria_checks.py)
    "CCHC201": "Mã mục `{id}` bị trùng: đã dùng ở dòng {first_line}, lại dùng ở dòng {line}.",
    "CCHC201.hint": "Mỗi mục một mã riêng. Đối chiếu phụ lục rồi sửa một trong hai mã (Excel hay "
    "đổi `1.10` thành `1.1`: định dạng cột mã là Text).",
    "code.CCHC201": "Mã mục trùng lặp trong bộ tiêu chí",
    "CCHC202": "Mã mục `{id}` không hợp lệ: mã phải là các số nguyên dương nối bằng dấu chấm, "
    "không có số 0 ở đầu (ví dụ 3, 3.2, 3.2.5).",
    "CCHC202.hint": 'Sửa mã theo đúng phụ lục; viết mã trong dấu nháy kép, ví dụ `id: "3.2.5"`.',
    "code.CCHC202": "Mã mục không phải dạng số chấm số (3.2.5)",
    "CCHC203": "Mã `{id}` không khớp vị trí trong cây: ở đây ({place}) mã phải có dạng "
    "`{expected}`.",
    "CCHC203.hint": "Mã mục con phải là mã mục cha thêm một số (ví dụ 3.2 → 3.2.1), không bỏ cấp. "
    "Chuyển mục tới đúng mục cha (thụt lề dưới `children:` của mục đó) hoặc sửa mã.",
    "code.CCHC203": "Mã mục con không nối tiếp mã mục cha (hoặc bỏ qua một cấp)",
    "CCHC204": "Tổng điểm tối đa các mục con của `{id}` là {sum}, khác điểm tối đa của `{id}` là "
    "{max} (chênh {difference}).",
    "CCHC204.hint": "Đối chiếu phụ lục: sửa `max` của `{id}` hoặc của một mục con ({children}) để "
    "tổng các mục con bằng đúng điểm mục cha.",
    "code.CCHC204": "Tổng điểm các mục con khác điểm tối đa của mục cha",
    "CCHC205": "Tổng điểm tối đa các lĩnh vực là {total}, khác tổng điểm công bố `declared.total: "
    "{declared}` (chênh {difference}).",
    "CCHC205.hint": "Đối chiếu điểm tối đa của các lĩnh vực ({areas}) với phụ lục; tổng phải bằng "
    "{declared}.",
    "code.CCHC205": "Tổng điểm các lĩnh vực khác tổng điểm công bố",
    "CCHC206": "Mức điểm {level} của `{id}` nằm ngoài khoảng [0, {max}].",
    "CCHC206.hint": "Mỗi mức điểm phải từ 0 đến điểm tối đa của mục ({max}); sửa mức điểm hoặc "
    "`max`.",
    "code.CCHC206": "Mức điểm nằm ngoài khoảng [0, điểm tối đa]",
    "CCHC207": "Các mức điểm của `{id}` ({levels}) thiếu {missing}: phải có cả 0 và điểm tối đa "
    "{max}.",
    "CCHC207.hint": "Thêm mức còn thiếu vào `levels`, ví dụ `levels: [0, 0.5, {max}]`; nếu phụ "
    "lục cho điểm tối đa khác, sửa `max`.",
    "code.CCHC207": "Các mức điểm không gồm 0 và điểm tối đa",
    "CCHC208": "Mục `{id}` đứng sau `{previous}` nhưng theo thứ tự số phải đứng trước (1.2 trước "
    "1.10).",
    "CCHC208.hint": "Sắp lại các mục con theo thứ tự số như trong phụ lục.",
    "code.CCHC208": "Các mục cùng cấp không theo thứ tự số tự nhiên",
    "CCHC209": "Cây tiêu chí có {actual} {kind}, nhưng phương pháp công bố {declared}.",
    "CCHC209.hint": "Cây đang có {leaves} mục chấm điểm (mục lá). Đối chiếu với phụ lục chính "
    "thức: thêm/bớt mục cấp {depth} cho khớp, hoặc sửa con số trong `declared` nếu nguồn công bố "
    "khác.",
    "code.CCHC209": "Số lĩnh vực/tiêu chí/tiêu chí thành phần khác số công bố (cảnh báo)",
    "CCHC210": "{working} trên {total} số liệu của bộ tiêu chí là giả định làm việc (working), "
    "chưa đối chiếu văn bản chính thức; chỉ {confirmed} số liệu đã xác nhận có nguồn.",
    "CCHC210.hint": "Đối chiếu với phụ lục chính thức rồi ghi `confirmed: {{max: KHÓA_NGUỒN}}` "
    "tại từng mục, hoặc nhập lại cả bộ bằng `cchc criteria import` (xem README, mục criteria). "
    "Điểm tính trên số liệu working chỉ là điểm tạm.",
    "code.CCHC210": "Bộ tiêu chí còn số liệu giả định (working) — một cảnh báo cho cả tệp",
    "CCHC211": "Mục lá `{id}` không có `method` (cách chấm).",
    "CCHC211.hint": "Thêm `method: self` (cơ quan tự chấm), `survey` (Bộ Nội vụ điều tra XHH) "
    "hoặc `sipas` (Chỉ số hài lòng); hoặc thêm các mục con nếu đây không phải mục lá.",
    "code.CCHC211": "Mục lá không có cách chấm (method)",
    "CCHC212": "Mục `{id}` có {children} mục con nhưng lại có `{field}`: chỉ mục lá mới được chấm.",
    "CCHC212.hint": "Xóa `{field}` khỏi `{id}` và ghi cách chấm ở từng mục con; điểm của mục cha "
    "là tổng điểm các mục con.",
    "code.CCHC212": "Mục có mục con lại có method/levels/rubric",
    "CCHC213": "Mục `{id}` có cả `levels` và `rubric`: chỉ được dùng một cách cho điểm.",
    "CCHC213.hint": "Giữ `levels` (các mức điểm cố định) hoặc `rubric` (thang theo tỷ lệ %), xóa "
    "cái còn lại.",
    "code.CCHC213": "Mục tự chấm có cả levels và rubric",
    "CCHC214": "Mục `{id}` chấm bằng `{method}` (Bộ Nội vụ chấm) nhưng lại có `{field}`.",
    "CCHC214.hint": "Tỉnh không tự chấm mục này: xóa `{field}`; nếu đây là mục tỉnh tự chấm, đổi "
    "thành `method: self`.",
    "code.CCHC214": "Mục survey/sipas có levels/rubric",
    "CCHC215": "Mục `{id}` dùng thang điểm `{rubric}` nhưng thang này chưa khai báo trong "
    "`rubrics`.",
    "CCHC215.hint": "Dùng một thang đã khai báo ({known}) hoặc khai báo thang `{rubric}` trong "
    "`rubrics`.",
    "CCHC215.hint_guess": "Có phải ý bạn là `{guess}`? Các thang đã khai báo: {known}.",
    "code.CCHC215": "Thang điểm (rubric) chưa khai báo",
    "CCHC216": "Thang điểm `{rubric}` không hợp lệ: {reason}.",
    "CCHC216.hint": "Mỗi mức `{{from: X, fraction: F}}` nghĩa là: giá trị đo từ X trở lên được F "
    "× điểm tối đa; F từ 0 đến 1, các `from` khác nhau, có một mức `from` bằng `min` và một mức "
    "`fraction: 1`.",
    "code.CCHC216": "Thang điểm (rubric) sai: tỷ lệ ngoài [0, 1], mức trùng, thiếu mức đầu/đủ điểm",
    "CCHC217": "Điểm tối đa của `{id}` là {max}: phải lớn hơn 0.",
    "CCHC217.hint": "Ghi đúng điểm tối đa theo phụ lục; mục không có điểm thì xóa khỏi bộ tiêu "
    "chí.",
    "code.CCHC217": "Điểm tối đa không lớn hơn 0",
    "CCHC218": "Nguồn `{source}` chưa khai báo trong `sources`.",
    "CCHC218.hint": 'Khai báo `{source}: "văn bản, trang …"` trong `sources`, hoặc dùng một '
    "khóa đã có ({known}).",
    "CCHC218.hint_guess": "Có phải ý bạn là `{guess}`? Các nguồn đã khai báo: {known}.",
    "code.CCHC218": "Khóa nguồn (source) chưa khai báo trong `sources`",
    "CCHC219": "`{what}` ghi `status: confirmed` nhưng không có `source`.",
    "CCHC219.hint": "Thêm `source: KHÓA` trỏ tới văn bản chính thức trong `sources`; chưa có văn "
    "bản thì để `status: working`.",
    "code.CCHC219": "Số liệu ghi đã xác nhận nhưng không nêu nguồn",
    "CCHC220": "Số thứ tự bị nhảy: sau `{previous}` là `{id}`, thiếu `{missing}`.",
    "CCHC220.hint": "Thường do gõ nhầm (ví dụ `1.10` thay cho `1.2`) hoặc sót mục khi chép phụ "
    "lục; đối chiếu phụ lục và đánh số liên tục từ 1.",
    "code.CCHC220": "Số thứ tự các mục cùng cấp bị nhảy (thường do gõ nhầm 1.10)",
    "CCHC221": "Mục tự chấm `{id}` không có `levels` hay `rubric`: cơ quan được cho bất kỳ điểm "
    "nào từ 0 đến {max}.",
    "CCHC221.hint": "Nếu phụ lục quy định các mức điểm, ghi `levels: [0, …, {max}]` hoặc `rubric: "
    "KHÓA` để cchc kiểm tra điểm tự chấm.",
    "code.CCHC221": "Mục tự chấm không có mức điểm hay thang điểm (chấm tự do trong [0, max]) — "
    "cảnh báo",
    "CCHC223": "Mục `{id}` ghi `confirmed: {{{field}: …}}` nhưng mục không có `{field}`.",
    "CCHC223.hint": "Xóa `{field}` khỏi `confirmed`, hoặc thêm `{field}` cho mục theo phụ lục.",
    "code.CCHC223": "`confirmed` nêu một trường mà mục không có",
    # --- cchc tree (tree_view.py)
    "criteria.role.cooperating": "phối hợp",
    "criteria.tree.header": "{name} — {decision}, năm {year}, cấp {level}: tổng {total} điểm "
    "[{file}]",
    "criteria.tree.points": "{max} điểm",
    "criteria.tree.levels": "(mức {levels})",
    "criteria.tree.rubric": "(thang {rubric})",
    "criteria.level.province": "tỉnh",
    "criteria.level.ministry": "bộ",
    "criteria.tree.more": "(+{count} mục con)",
    "criteria.tree.legend_working": "* điểm tối đa là số liệu làm việc (working), chưa đối chiếu "
    "phụ lục chính thức.",
    "CCHC250": "Không có mục `{id}` trong bộ tiêu chí {file}.",
    "CCHC250.hint": "Gõ đúng mã mục (ví dụ `cchc tree 3.2`); các lĩnh vực: {areas}. Xem cả cây: "
    "`cchc tree --depth 2`.",
    "CCHC250.hint_guess": "Có phải ý bạn là `{guess}`? Xem cả cây: `cchc tree --depth 2`.",
    "code.CCHC250": "`cchc tree ID`: mã mục không có trong bộ tiêu chí",
    "criteria.tree.plan_errors": "Lưu ý: kế hoạch phân công {file} có {count} lỗi; cơ quan phụ "
    "trách hiển thị có thể chưa đúng — chạy `cchc validate` để xem.",
    # --- cchc criteria import (criteria_import.py)
    "CCHC230": "Không đọc được bảng: {reason}.",
    "CCHC230.hint": 'Dùng tệp .xlsx hoặc .csv UTF-8 (Excel: File > Save As > "CSV UTF-8 (Comma '
    'delimited)"); dòng đầu là tên cột id, title, max, method (levels, rubric, guidance nếu có).',
    "code.CCHC230": "Không đọc được bảng nhập (không phải UTF-8, .xlsx hỏng, không có dòng dữ "
    "liệu)",
    "CCHC231": "Bảng thiếu cột bắt buộc: {missing}.",
    "CCHC231.hint": "Dòng tiêu đề phải có các cột id, title, max; các cột được nhận: {allowed} "
    "(hoặc tên tiếng Việt: mã, tên, điểm tối đa, cách chấm, mức điểm, thang điểm, hướng dẫn).",
    "code.CCHC231": "Bảng nhập thiếu cột bắt buộc (id, title, max)",
    "CCHC232": "Cột `{column}` không thuộc định dạng nên bị bỏ qua.",
    "CCHC232.hint": "Các cột được nhận: {allowed}. Xóa hoặc đổi tên cột nếu nó chứa dữ liệu cần "
    "nhập.",
    "CCHC232.hint_guess": "Có phải ý bạn là `{guess}`? Các cột được nhận: {allowed}.",
    "CCHC232.duplicate": "Cột `{column}` lặp lại cột `{name}` (cột thứ {first}).",
    "code.CCHC232": "Cột không nhận ra (cảnh báo, bị bỏ qua) hoặc cột lặp lại (lỗi)",
    "CCHC233": "Ô `{column}` ở dòng {row} để trống.",
    "CCHC233.hint": "Mỗi dòng phải có mã (id), tên (title) và điểm tối đa (max); dòng không dùng "
    "thì xóa hẳn.",
    "code.CCHC233": "Ô bắt buộc để trống trong bảng nhập",
    "CCHC234": "Ô `{column}` có giá trị `{value}` không phải số.",
    "CCHC234.hint": "Ghi số với dấu chấm hoặc dấu phẩy thập phân (0.5 hoặc 0,5); các mức điểm "
    "ngăn bằng dấu chấm phẩy: `0; 0.5; 1`.",
    "code.CCHC234": "Điểm tối đa hoặc mức điểm không phải số",
    "CCHC235": "Cách chấm `{value}` không hợp lệ.",
    "CCHC235.hint": "Ghi một trong: {allowed} (self = cơ quan tự chấm; survey = điều tra XHH; "
    "sipas = Chỉ số hài lòng); mục có mục con để trống.",
    "CCHC235.hint_guess": "Có phải ý bạn là `{guess}`? Các giá trị được phép: {allowed}.",
    "code.CCHC235": "Cột method có giá trị không hợp lệ",
    "CCHC236": "Ô mã mục (cột {column}, dòng {row}) là {kind} `{value}`, không phải văn bản: "
    "Excel có thể đã biến `1.10` thành `1.1`.",
    "CCHC236.hint": "Định dạng cả cột mã là Text (chuột phải > Format Cells > Text) rồi gõ lại "
    "đúng mã như phụ lục, ví dụ 1.10.",
    "code.CCHC236": "Mã mục trong tệp Excel là số/ngày tháng (mơ hồ: 1.1 hay 1.10?)",
    "CCHC237": "Mục `{id}` không có mục cha `{parent}` trong bảng.",
    "CCHC237.hint": "Thêm dòng cho mục `{parent}` (mã, tên, điểm tối đa) hoặc sửa mã `{id}`.",
    "code.CCHC237": "Bảng nhập thiếu dòng của mục cha",
    "CCHC238": "Tệp {out} đã tồn tại; cchc không ghi đè.",
    "CCHC238.hint": "Chọn tên khác cho --out, hoặc thêm --force nếu muốn thay thế tệp cũ.",
    "code.CCHC238": "Tệp đích của `criteria import` đã tồn tại (dùng --force)",
    "CCHC239": "Dòng có {cells} ô nhưng dòng tiêu đề chỉ có {columns} cột.",
    "CCHC239.hint": "Có thể một ô chứa dấu phân cách mà không đặt trong ngoặc kép; mở bảng bằng "
    "Excel và lưu lại dạng CSV UTF-8.",
    "code.CCHC239": "Dòng của bảng có nhiều ô hơn dòng tiêu đề",
    "criteria.import.old_excel": "định dạng .xls/.ods không được hỗ trợ; lưu lại thành .xlsx hoặc "
    "CSV UTF-8",
    "criteria.import.not_utf8": "tệp CSV không phải UTF-8 (byte {byte})",
    "criteria.import.csv_error": "CSV sai cấu trúc ({detail})",
    "criteria.import.no_rows": "không có dòng tiêu đề hoặc không có dòng dữ liệu",
    "criteria.import.bad_xlsx": "không mở được tệp Excel ({detail})",
    "criteria.import.kind_number": "số",
    "criteria.import.kind_date": "ngày tháng/giá trị logic",
    "criteria.import.default_name": "Chỉ số cải cách hành chính (PAR INDEX)",
    "criteria.import.header": "BỘ TIÊU CHÍ: {name} — {decision}, năm {year}\nTệp này được tạo "
    "bằng `cchc criteria import` từ bảng {table}.\nMọi số liệu mang trạng thái `{status}`, nguồn "
    "`{source}`: bản chép phụ lục chính thức của quyết định.\nNgười chép chịu trách nhiệm đối "
    "chiếu từng dòng (mã, tên, điểm tối đa, cách chấm) với phụ lục bản giấy.\nSửa: sửa trực tiếp "
    "tệp này, hoặc sửa bảng rồi nhập lại với --force. Kiểm tra: `cchc validate`, `cchc tree`.\nMã "
    'mục luôn đặt trong dấu nháy kép ("1.10" khác "1.1"); điểm dùng dấu chấm thập phân.',
    "criteria.import.annex_source": "Phụ lục của {decision}, chép từ bảng {table} bằng `cchc "
    "criteria import`.",
    "criteria.import.rubric_hint": "Bảng chỉ ghi tên thang `{rubric}`; định nghĩa thang lấy từ "
    "một tệp tiêu chí có sẵn: thêm `--like criteria/2019.yaml`.",
    "criteria.import.need_meta": "cần --year và --decision (hoặc --like TỆP_TIÊU_CHÍ để lấy các "
    "thông tin này)",
    "criteria.import.locked": "Không ghi được {out}: tệp đang mở trong chương trình khác. Đóng "
    "tệp rồi chạy lại.",
    "criteria.import.done": "Đã ghi {out} từ {table}: {areas} lĩnh vực, {criteria} tiêu chí, "
    "{subcriteria} tiêu chí thành phần, {leaves} mục chấm điểm, tổng {total} điểm (trạng thái "
    "{status}).",
    # --- command help
    "help.cmd.tree": "Hiện cây tiêu chí (hoặc một nhánh: `cchc tree 3.2`) với điểm tối đa, cách "
    "chấm và cơ quan phụ trách.",
    "help.opt.tree_depth": "Số cấp hiển thị (1 = chỉ mục được chọn hoặc các lĩnh vực).",
    "help.opt.tree_format": "Định dạng: text (mặc định), json hoặc csv (cùng các cột mà `cchc "
    "criteria import` đọc).",
    "help.opt.tree_file": "Hiện một tệp tiêu chí bất kỳ thay cho tệp của thư mục làm việc (không "
    "hiện cơ quan phụ trách).",
    "help.cmd.criteria": "Làm việc với bộ tiêu chí (nhập từ bảng tính).",
    "help.cmd.criteria_import": "Tạo tệp tiêu chí YAML từ bảng (CSV hoặc .xlsx) chép phụ lục "
    "chính thức; cột id, title, max, method, levels, rubric, guidance.",
    "help.opt.import_out": "Tệp YAML sẽ ghi (không ghi đè nếu không có --force).",
    "help.opt.import_force": "Cho phép thay thế tệp --out đã có.",
    "help.opt.import_like": "Lấy thông tin phương pháp, số lượng công bố, nguồn và thang điểm "
    "(rubrics) từ tệp tiêu chí có sẵn.",
    "help.opt.import_name": "Tên bộ chỉ số.",
    "help.opt.import_level": "Cấp áp dụng (province, ministry, …).",
    "help.opt.import_year": "Năm đánh giá.",
    "help.opt.import_decision": "Số quyết định ban hành phương pháp, ví dụ 1150/QĐ-BNV.",
    "help.opt.import_decision_date": "Ngày ban hành quyết định (NĂM-THÁNG-NGÀY).",
    "help.opt.import_total": "Tổng điểm công bố (mặc định 100).",
    "help.opt.import_counts": "Số lĩnh vực/tiêu chí/tiêu chí thành phần công bố, ví dụ 8/43/95.",
    "help.opt.import_status": "Trạng thái số liệu: confirmed (mặc định, chép từ phụ lục chính "
    "thức) hoặc working.",
}
