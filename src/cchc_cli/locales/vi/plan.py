"""vi catalogue: plan (assignment plans, resolution, `cchc who`, `cchc owners`)."""

MESSAGES: dict[str, str] = {
    # --- labels used inside messages
    "plan.rule_lead": "“{agency} → {target}” ({where})",
    "plan.rule_split": "“chia {target} cho {agencies}, gộp điểm: {combine}” ({where})",
    # --- diagnostics
    "CCHC300": "Mã cơ quan `{agency_code}` (trường `{field}`) không có trong danh sách `agencies`.",
    "CCHC300.hint": "Dùng một mã đã khai báo trong `agencies` ({known}), hoặc khai báo thêm cơ "
    "quan này.",
    "CCHC300.hint_guess": "Có phải ý bạn là `{guess}`? Các mã đã khai báo: {known}.",
    "code.CCHC300": "Mã cơ quan chưa khai báo trong `agencies`",
    "CCHC301": "Mã cơ quan `{agency_code}` được khai báo hai lần: dòng {first_line} và "
    "dòng {line}.",
    "CCHC301.hint": "Mỗi cơ quan một mã riêng: đổi mã ở dòng {line} hoặc xóa khai báo trùng.",
    "code.CCHC301": "Mã cơ quan khai báo trùng",
    "CCHC302": "Tên cơ quan “{name}” (mã `{agency_code}`, dòng {line}) trùng với tên của "
    "`{first_code}` ở dòng {first_line}.",
    "CCHC302.hint": "Một cơ quan chỉ khai báo một lần; nếu là hai cơ quan khác nhau, ghi đúng tên "
    "đầy đủ của từng cơ quan. (Tên được so sánh sau khi chuẩn hóa Unicode NFC, không phân biệt "
    "hoa thường.)",
    "code.CCHC302": "Tên cơ quan khai báo trùng (kể cả khi gõ dạng NFD/NFC khác nhau)",
    "CCHC303": "Cơ quan `{agency_code}` ({name}) có vai trò `supporting` (chỉ cung cấp tài liệu "
    "kiểm chứng) nên không thể được giao chấm điểm (trường `{field}`).",
    "CCHC303.hint": "Giao tiêu chí cho một cơ quan có `role: scoring`, hoặc đổi vai trò của "
    "`{agency_code}` thành `scoring` nếu Kế hoạch giao cho cơ quan này tự chấm.",
    "code.CCHC303": "Cơ quan hỗ trợ (supporting) được giao chấm điểm",
    "CCHC304": "Cơ quan `{agency_code}` vừa chủ trì (`lead`) vừa được ghi là cơ quan phối hợp "
    "(`cooperating`) của cùng quy tắc.",
    "CCHC304.hint": "Xóa `{agency_code}` khỏi `cooperating`: cơ quan chủ trì đã có mọi quyền của "
    "cơ quan phối hợp.",
    "code.CCHC304": "Cơ quan phối hợp trùng với cơ quan chủ trì",
    "CCHC305": "Cơ quan `{agency_code}` xuất hiện hai lần trong các phần chia của {target}: dòng "
    "{first_line} và dòng {line}.",
    "CCHC305.hint": "Mỗi cơ quan chấm một phần (một lĩnh vực); gộp hai phần của `{agency_code}` "
    "làm một hoặc sửa mã cơ quan.",
    "code.CCHC305": "Một cơ quan được giao hai phần của cùng một tiêu chí chia",
    "CCHC306": "Kế hoạch ghi `methodology: {plan}` nhưng bộ tiêu chí ({criteria_file}) theo quyết "
    "định `{criteria}`.",
    "CCHC306.hint": "Kiểm tra lại: Kế hoạch và bộ tiêu chí phải cùng một văn bản phương pháp; sửa "
    "giá trị cho đúng `{criteria}` nếu chỉ là gõ khác.",
    "code.CCHC306": "Phương pháp của Kế hoạch khác quyết định của bộ tiêu chí",
    "CCHC307": "Kế hoạch là của năm {plan} nhưng bộ tiêu chí ({criteria_file}) là của năm "
    "{criteria}.",
    "CCHC307.hint": "Dùng bộ tiêu chí của đúng năm đánh giá, hoặc sửa `year` của Kế hoạch.",
    "code.CCHC307": "Năm của Kế hoạch khác năm của bộ tiêu chí",
    "CCHC308": "Cơ quan phối hợp `{agency_code}` được ghi hai lần (lần đầu ở dòng {first_line}).",
    "CCHC308.hint": "Xóa dòng lặp lại.",
    "code.CCHC308": "Cơ quan phối hợp ghi lặp",
    "CCHC310": "Mã tiêu chí `{id}` trong `{scope}` không có trong bộ tiêu chí ({criteria_file}).",
    "CCHC310.hint": "Ghi đúng mã tiêu chí như trong bộ tiêu chí, đặt trong dấu nháy kép, ví dụ "
    '"3.2.5".',
    "CCHC310.hint_guess": 'Có phải ý bạn là "{guess}"? Ghi đúng mã tiêu chí, trong dấu nháy kép.',
    "code.CCHC310": "Quy tắc phân công nêu mã tiêu chí không tồn tại",
    "CCHC311": "Mã tiêu chí `{id}` trong `except` không có trong bộ tiêu chí ({criteria_file}).",
    "CCHC311.hint": 'Ghi đúng mã tiêu chí được trừ ra, đặt trong dấu nháy kép, ví dụ "1.5".',
    "CCHC311.hint_guess": 'Có phải ý bạn là "{guess}"? Ghi đúng mã tiêu chí được trừ ra, trong '
    "dấu nháy kép.",
    "code.CCHC311": "Phần trừ (`except`) nêu mã tiêu chí không tồn tại",
    "CCHC312": "Tiêu chí {id} được trừ ra (`except`) nhưng không nằm trong phạm vi của quy tắc "
    "({items}); phần trừ này không có tác dụng.",
    "CCHC312.hint": "Kiểm tra lại mã: phần trừ phải là một mục con của {items}; nếu không cần, xóa "
    "dòng này.",
    "code.CCHC312": "Phần trừ nằm ngoài phạm vi của quy tắc",
    "CCHC313": "Tiêu chí {id} do Bộ Nội vụ chấm (phương pháp `{method}`), không cơ quan nào của "
    "tỉnh được giao tự chấm.",
    "CCHC313.hint": "Xóa {id} khỏi quy tắc này; các tiêu chí chấm bằng điều tra xã hội học hoặc "
    "SIPAS không cần phân công.",
    "code.CCHC313": "Giao cho cơ quan của tỉnh một tiêu chí do Bộ Nội vụ chấm (survey/sipas)",
    "CCHC314": "Quy tắc cho {id} không chọn được tiêu chí tự chấm nào (mọi mục con đều do Bộ Nội "
    "vụ chấm hoặc đã bị trừ ra).",
    "CCHC314.hint": "Kiểm tra lại mã {id} và các phần `except`; nếu quy tắc không cần, xóa nó.",
    "code.CCHC314": "Quy tắc không chọn được tiêu chí tự chấm nào",
    "CCHC315": "{count} tiêu chí tự chấm chưa được giao cho cơ quan nào: {leaves}.",
    "CCHC315.hint": "Thêm quy tắc `lead` (hoặc `split`) cho các tiêu chí này theo đúng Kế hoạch, "
    "hoặc bỏ chúng khỏi phần `except` đã trừ nhầm.",
    "code.CCHC315": "Tiêu chí tự chấm chưa có cơ quan chấm điểm",
    "CCHC316": "Hai quy tắc cùng mức cụ thể giao tiêu chí {leaves} cho hai nơi khác nhau: {first} "
    "và {second}.",
    "CCHC316.hint": "Giữ một quy tắc; hoặc thêm `except` vào một quy tắc, hoặc viết một quy tắc cụ "
    "thể hơn (mã sâu hơn). Trong lúc chờ sửa, cchc dùng quy tắc đứng trước trong tệp.",
    "code.CCHC316": "Hai quy tắc cùng mức cụ thể giao một tiêu chí cho hai nơi khác nhau",
    "CCHC317": "Quy tắc {rule} không có tác dụng với tiêu chí {leaves}: {other} đã giao đúng như "
    "vậy.",
    "CCHC317.hint": "Xóa quy tắc thừa hoặc bỏ các tiêu chí trùng khỏi một trong hai quy tắc.",
    "code.CCHC317": "Quy tắc thừa (giao trùng cho cùng cơ quan)",
    "CCHC318": "Tiêu chí {leaves}: quy tắc {overridden} bị thay bởi quy tắc cụ thể hơn {winner}.",
    "CCHC318.hint": "Chỉ để thông báo: quy tắc có mã sâu hơn được áp dụng. Nếu Kế hoạch có ý khác, "
    "thêm `except` vào quy tắc rộng hơn cho rõ.",
    "code.CCHC318": "Chồng lấn giữa hai quy tắc: quy tắc cụ thể hơn được áp dụng",
    "CCHC319": "Mã {id} đã nằm trong {outer} của cùng quy tắc; dòng này không có tác dụng.",
    "CCHC319.hint": "Xóa {id} khỏi danh sách `items`.",
    "code.CCHC319": "Mã lặp lại hoặc lồng nhau trong cùng một quy tắc",
    # --- `cchc who` / `cchc owners`
    "help.cmd.who": "Cho biết cơ quan nào chấm một tiêu chí (hoặc mọi tiêu chí trong một lĩnh "
    "vực/tiêu chí cha), với vai trò và quy tắc (tệp:dòng) đã giao.",
    "help.cmd.owners": "Liệt kê toàn bộ phân công đã xác định: mỗi tiêu chí lá một dòng, theo thứ "
    "tự mã.",
    "help.opt.owners_agency": "Chỉ liệt kê các tiêu chí mà cơ quan có mã này chấm điểm, chấm một "
    "phần hoặc phối hợp (BNV: các tiêu chí Bộ Nội vụ chấm).",
    "plan.role.lead": "chủ trì",
    "plan.role.part": "một phần: {domain}",
    "plan.role.cooperating": "phối hợp",
    "plan.role.ministry": "chấm qua điều tra/SIPAS",
    "plan.no_owner": "(chưa giao)",
    "plan.combine_short": "gộp điểm: {combine}",
    "plan.combine.min": "lấy điểm thấp nhất trong các phần (min)",
    "plan.combine.mean": "lấy trung bình cộng điểm các phần (mean)",
    "plan.combine.coordinator": "do cơ quan chủ trì Kế hoạch ({coordinator}) quyết định trong tệp "
    "chấm điểm của mình (coordinator)",
    "plan.owners_line": "{owners} · quy tắc {rule}",
    "plan.who.leaf": "tối đa {max} điểm · cách chấm: {method}",
    "plan.who.subtree": "tối đa {max} điểm · gồm {count} tiêu chí lá",
    "plan.owners_count": "{count} tiêu chí.",
    "plan.who.owner": "{code} {name} — {role}: {items} — quy tắc {rule}",
    "plan.who.ministry": "{code} {name} — {role}: {items} — theo trường `method` của từng tiêu chí "
    "trong {rule}",
    "plan.who.unowned": "Chưa giao cho cơ quan nào: {items}",
    "plan.who.combine": "Tiêu chí chia phần {items}: mỗi cơ quan chấm phần của mình trên toàn "
    "thang điểm của tiêu chí; điểm của tiêu chí: {combine}.",
    "plan.who.cooperating_note": "Cơ quan phối hợp ở {items} bổ sung tài liệu kiểm chứng và ý "
    "kiến, không cho điểm.",
    "plan.who.overridden": "{items}: quy tắc {lost} bị thay bởi quy tắc cụ thể hơn {won}.",
    "CCHC320": "Không có tiêu chí mã `{id}` trong bộ tiêu chí ({criteria_file}).",
    "CCHC320.hint": "Xem các mã bằng lệnh `cchc tree`, rồi gõ lại, ví dụ `cchc who 4.3`.",
    "CCHC320.hint_guess": "Có phải ý bạn là `{guess}`? Ví dụ: `cchc who {guess}`.",
    "code.CCHC320": "Mã tiêu chí trên dòng lệnh không tồn tại",
    "CCHC321": "Không có cơ quan mã `{agency_code}` trong kế hoạch phân công.",
    "CCHC321.hint": "Dùng một mã đã khai báo: {known}.",
    "CCHC321.hint_guess": "Có phải ý bạn là `{guess}`? Các mã đã khai báo: {known}.",
    "code.CCHC321": "Mã cơ quan trong --agency không tồn tại",
}
