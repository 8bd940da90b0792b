"""Demo professional guidance (Hướng dẫn nghiệp vụ). See demo_content.py for the body markup."""

GUIDANCE = [
    {
        "slug": "quy-trinh-hoa-giai-mot-vu-viec",
        "title": "Quy trình hòa giải một vụ việc ở cơ sở: từ tiếp nhận đến theo dõi thực hiện",
        "date": "2026-11-18",
        "summary": "Hướng dẫn từng bước cho hòa giải viên: tiếp nhận yêu cầu, tìm hiểu sự việc, tổ chức buổi hòa "
        "giải, lập văn bản hòa giải thành và theo dõi việc thực hiện thỏa thuận.",
        "tags": ["Hòa giải ở cơ sở", "Kỹ năng hòa giải"],
        "source": "Phòng Phổ biến, giáo dục pháp luật",
        "image": "hoa-giai",
        "body": """Luật Hòa giải ở cơ sở năm 2013 và Nghị định số 15/2014/NĐ-CP quy định trình tự hòa giải khá linh hoạt, nhưng thực tế cho thấy hòa giải viên làm theo đủ các bước dưới đây thì kết quả bền vững hơn.

## Bước 1: Tiếp nhận và phân công

Việc hòa giải được tiến hành khi một hoặc các bên có yêu cầu, khi hòa giải viên chứng kiến hoặc biết vụ việc, hoặc theo phân công của tổ trưởng, theo đề nghị của cơ quan, tổ chức, cá nhân có liên quan. Tổ trưởng phân công hòa giải viên trong thời hạn 03 ngày kể từ ngày nhận yêu cầu; các bên có quyền đề xuất hòa giải viên mà mình tin tưởng.

## Bước 2: Tìm hiểu sự việc

Gặp riêng từng bên, lắng nghe đầy đủ, ghi chép những điểm các bên thống nhất và những điểm còn khác nhau. Tìm hiểu thêm qua người thân, hàng xóm, trưởng thôn nếu cần; xem giấy tờ liên quan như giấy chứng nhận quyền sử dụng đất, giấy vay nợ.

## Bước 3: Tổ chức buổi hòa giải

Chọn thời gian, địa điểm thuận tiện cho các bên, có thể tại nhà văn hóa hoặc tại nhà của một bên nếu các bên đồng ý. Hòa giải viên giải thích quy định pháp luật liên quan, phân tích được – mất của từng phương án, khuyến khích các bên tự đưa ra giải pháp. Không ép buộc, không phán xét.

## Bước 4: Kết thúc hòa giải

- Nếu các bên đạt được thỏa thuận và có yêu cầu, hòa giải viên lập văn bản hòa giải thành.
- Nếu không thành, hướng dẫn các bên đề nghị cơ quan có thẩm quyền giải quyết.
- Ghi chép vụ việc vào sổ theo dõi hoạt động hòa giải của tổ.

## Bước 5: Theo dõi, đôn đốc thực hiện

Hòa giải viên có trách nhiệm theo dõi, đôn đốc các bên thực hiện thỏa thuận. Nếu một bên không thực hiện, hòa giải viên có thể hòa giải lại hoặc hướng dẫn các bên yêu cầu Tòa án công nhận kết quả hòa giải thành ngoài Tòa án theo Luật Hòa giải, đối thoại tại Tòa án.""",
    },
    {
        "slug": "ky-nang-lang-nghe-trong-hoa-giai",
        "title": "Kỹ năng lắng nghe và đặt câu hỏi trong hòa giải",
        "date": "2026-10-29",
        "summary": "Lắng nghe chủ động và đặt câu hỏi mở giúp hòa giải viên hiểu đúng mong muốn thật sự của các "
        "bên, điều thường ẩn sau những lời nói nóng giận.",
        "tags": ["Hòa giải ở cơ sở", "Kỹ năng hòa giải"],
        "source": "Báo cáo viên pháp luật tỉnh",
        "image": "hoa-giai",
        "body": """Trong phần lớn vụ việc, điều các bên nói ra lúc đầu chỉ là “bề nổi”. Một người đòi phá bức tường của hàng xóm có thể thật ra chỉ muốn lối thoát nước không chảy vào sân nhà mình. Hòa giải viên giỏi là người nghe ra được mong muốn thật đó.

## Lắng nghe chủ động

- Để người nói nói hết, không ngắt lời, không vội khuyên.
- Nhắc lại ý chính bằng lời của mình: “Như bác nói thì điều bác lo nhất là…”.
- Ghi nhận cảm xúc: “Tôi hiểu chị rất bức xúc vì chuyện kéo dài đã lâu”.

## Đặt câu hỏi

Câu hỏi mở (Vì sao? Điều gì? Như thế nào?) giúp các bên kể lại sự việc và bộc lộ mong muốn. Câu hỏi đóng (Có hay không?) dùng để xác nhận thông tin. Tránh câu hỏi mang tính buộc tội như “Sao anh lại làm thế?”.

> Người hòa giải nói ít, hỏi đúng và nghe nhiều thì các bên sẽ tự tìm ra cách giải quyết. -- Kinh nghiệm của một tổ trưởng tổ hòa giải

## Những điều nên tránh

Không hứa hẹn thay cơ quan nhà nước, không tiết lộ điều một bên đã nói riêng với mình, không đứng về phía bên nào vì quan hệ họ hàng, quen biết. Nếu là người có quyền lợi liên quan đến vụ việc, hòa giải viên phải từ chối tham gia.""",
    },
    {
        "slug": "lap-van-ban-hoa-giai-thanh",
        "title": "Lập văn bản hòa giải thành đúng quy định",
        "date": "2026-09-10",
        "summary": "Văn bản hòa giải thành cần có đủ các nội dung theo Điều 24 Luật Hòa giải ở cơ sở để các bên "
        "thực hiện và làm căn cứ khi cần yêu cầu Tòa án công nhận.",
        "tags": ["Hòa giải ở cơ sở", "Biểu mẫu"],
        "source": "Phòng Phổ biến, giáo dục pháp luật",
        "image": "hoa-giai",
        "body": """Theo Luật Hòa giải ở cơ sở năm 2013, trường hợp các bên đạt được thỏa thuận, theo yêu cầu của các bên, hòa giải viên lập văn bản hòa giải thành. Văn bản này không bắt buộc trong mọi trường hợp, nhưng nên lập khi thỏa thuận liên quan đến tài sản, tiền bạc hoặc có thời hạn thực hiện.

## Nội dung chính của văn bản

| Mục | Ghi gì |
| Căn cứ tiến hành hòa giải | Yêu cầu của các bên hoặc phân công của tổ trưởng |
| Thông tin các bên | Họ tên, năm sinh, nơi cư trú |
| Nội dung chủ yếu của vụ việc | Tóm tắt ngắn gọn, khách quan |
| Diễn biến của quá trình hòa giải | Các buổi gặp, ý kiến chính |
| Thỏa thuận đạt được | Ai làm gì, khi nào, bằng cách nào |
| Phương thức, thời hạn thực hiện | Ngày, tháng cụ thể |
| Chữ ký hoặc điểm chỉ | Các bên và hòa giải viên |

Văn bản được lập thành các bản có giá trị như nhau, mỗi bên giữ một bản, tổ hòa giải lưu một bản.

## Lưu ý

Thỏa thuận phải tự nguyện, không trái pháp luật, không trái đạo đức xã hội. Nếu thỏa thuận liên quan đến quyền sử dụng đất, hòa giải viên cần nhắc các bên rằng việc chuyển nhượng, tặng cho quyền sử dụng đất vẫn phải làm thủ tục theo Luật Đất đai; văn bản hòa giải thành không thay thế hợp đồng được công chứng, chứng thực.""",
    },
    {
        "slug": "tieu-chuan-cong-nhan-bao-cao-vien-phap-luat",
        "title": "Tiêu chuẩn, thủ tục công nhận báo cáo viên pháp luật",
        "date": "2026-08-06",
        "summary": "Tóm tắt tiêu chuẩn, hồ sơ và quy trình công nhận, miễn nhiệm báo cáo viên pháp luật theo Luật Phổ "
        "biến, giáo dục pháp luật và Thông tư số 10/2016/TT-BTP.",
        "tags": ["Báo cáo viên pháp luật"],
        "source": "Phòng Phổ biến, giáo dục pháp luật",
        "image": "hoi-nghi",
        "body": """Báo cáo viên pháp luật là cán bộ, công chức, viên chức, sĩ quan trong lực lượng vũ trang nhân dân được cơ quan có thẩm quyền công nhận để thực hiện hoạt động phổ biến pháp luật.

## Tiêu chuẩn

Theo Điều 35 Luật Phổ biến, giáo dục pháp luật năm 2012, báo cáo viên pháp luật phải có đủ các tiêu chuẩn:

- Có phẩm chất chính trị, đạo đức tốt, lập trường tư tưởng vững vàng.
- Có uy tín trong công tác.
- Có khả năng truyền đạt.
- Có bằng tốt nghiệp đại học luật và thời gian công tác trong lĩnh vực pháp luật ít nhất là 02 năm; trường hợp không có bằng đại học luật thì phải có bằng đại học khác và có thời gian công tác liên quan đến pháp luật ít nhất là 03 năm.

## Hồ sơ và trình tự

Cơ quan, tổ chức có nhu cầu lập danh sách người đề nghị công nhận, kèm văn bản đề nghị, gửi Sở Tư pháp. Sở Tư pháp thẩm định, trình Chủ tịch Ủy ban nhân dân tỉnh quyết định công nhận báo cáo viên pháp luật cấp tỉnh. Danh sách báo cáo viên được đăng công khai trên trang này.

## Quyền và nghĩa vụ

Báo cáo viên được cung cấp tài liệu, được bồi dưỡng nghiệp vụ và hưởng thù lao theo quy định; có nghĩa vụ truyền đạt chính xác, đầy đủ nội dung văn bản, thường xuyên cập nhật kiến thức pháp luật mới.""",
    },
    {
        "slug": "xay-dung-ke-hoach-pbgdpl-cap-xa",
        "title": "Gợi ý xây dựng kế hoạch phổ biến, giáo dục pháp luật cấp xã năm 2027",
        "date": "2026-11-23",
        "summary": "Kế hoạch cần bám sát nhu cầu của người dân địa phương, có chỉ tiêu đo được và phân công rõ ràng, "
        "tránh sao chép nguyên kế hoạch của cấp trên.",
        "tags": ["Kế hoạch", "Công chức tư pháp"],
        "source": "Phòng Phổ biến, giáo dục pháp luật",
        "image": "tu-sach",
        "body": """Cuối năm là thời điểm Ủy ban nhân dân cấp xã xây dựng kế hoạch phổ biến, giáo dục pháp luật cho năm tiếp theo. Sở Tư pháp gợi ý một số điểm để kế hoạch thiết thực hơn.

## Khảo sát nhu cầu trước khi lập kế hoạch

Tổng hợp câu hỏi người dân gửi đến bộ phận một cửa, các vụ việc hòa giải, các vi phạm pháp luật phổ biến trên địa bàn trong năm. Đây là căn cứ để chọn nội dung ưu tiên, thay vì liệt kê tất cả các luật mới.

## Chỉ tiêu đo được

Thay vì ghi “tăng cường tuyên truyền”, hãy ghi rõ số buổi, nhóm đối tượng, hình thức và cách đánh giá. Ví dụ: “Tổ chức 4 buổi hỏi đáp Luật Đất đai tại 4 thôn có nhiều hồ sơ cấp giấy chứng nhận lần đầu; sau mỗi buổi phát phiếu hỏi nhanh 5 câu để đánh giá”.

## Phân công và kinh phí

- Nêu rõ đơn vị chủ trì, đơn vị phối hợp cho từng hoạt động.
- Dự kiến kinh phí theo từng hoạt động, căn cứ mức chi hiện hành của tỉnh.
- Gắn kế hoạch với tiêu chí đánh giá chuẩn tiếp cận pháp luật để tránh làm hai lần.

Mẫu kế hoạch tham khảo được đăng tại chuyên mục Tài liệu tuyên truyền.""",
    },
    {
        "slug": "van-hanh-tu-sach-phap-luat-cap-xa",
        "title": "Quản lý, khai thác tủ sách pháp luật cấp xã hiệu quả",
        "date": "2026-07-08",
        "summary": "Tủ sách pháp luật chỉ có ích khi được cập nhật và người dân biết đến. Một số cách làm đơn giản "
        "giúp tủ sách “sống” trở lại.",
        "tags": ["Tủ sách pháp luật"],
        "source": "Phòng Phổ biến, giáo dục pháp luật",
        "image": "tu-sach",
        "body": """Quyết định số 14/2019/QĐ-TTg của Thủ tướng Chính phủ quy định việc xây dựng, quản lý, khai thác tủ sách pháp luật, trong đó tủ sách ở cấp xã do Ủy ban nhân dân cấp xã quản lý.

## Cập nhật định kỳ

Công chức tư pháp – hộ tịch lập danh mục sách, tài liệu; hằng quý rà soát, loại bỏ tài liệu đã hết hiệu lực và bổ sung văn bản mới. Tài liệu hết hiệu lực không nên để lẫn với tài liệu đang áp dụng vì dễ gây hiểu nhầm.

## Đưa sách đến người đọc

- Đặt tủ sách ở nơi người dân chờ làm thủ tục hành chính.
- Luân chuyển một số đầu sách về nhà văn hóa thôn theo chủ đề từng tháng.
- Giới thiệu “cuốn sách của tháng” trên loa truyền thanh và nhóm Zalo của xã.

## Tủ sách điện tử

Bên cạnh sách in, xã nên giới thiệu cho người dân cách tra cứu văn bản trên trang thông tin của Sở Tư pháp và Cơ sở dữ liệu quốc gia về văn bản pháp luật. Với người cao tuổi, một buổi hướng dẫn tra cứu trên điện thoại thường hiệu quả hơn nhiều tờ gấp.""",
    },
    {
        "slug": "tuyen-truyen-phap-luat-qua-mang-xa-hoi",
        "title": "Tuyên truyền pháp luật qua mạng xã hội: làm gì và tránh gì",
        "date": "2026-10-01",
        "summary": "Nội dung ngắn, đúng, có nguồn và phản hồi kịp thời là bốn nguyên tắc khi dùng Zalo, Facebook để "
        "phổ biến pháp luật ở cơ sở.",
        "tags": ["Chuyển đổi số", "Kỹ năng tuyên truyền"],
        "source": "Phòng Phổ biến, giáo dục pháp luật",
        "image": "chuyen-doi-so",
        "body": """Nhóm Zalo của thôn, trang Facebook của xã đã trở thành kênh thông tin nhanh nhất đến người dân. Dùng đúng cách, đây là công cụ phổ biến pháp luật rất hiệu quả.

## Nên làm

- Viết ngắn: một bài chỉ một vấn đề, tối đa khoảng 200 chữ, kèm một hình ảnh hoặc video ngắn.
- Nêu rõ văn bản, điều khoản làm căn cứ và đường dẫn đến văn bản gốc.
- Dùng tình huống quen thuộc ở địa phương để mở đầu.
- Trả lời câu hỏi trong phần bình luận hoặc hướng dẫn người hỏi gửi câu hỏi chính thức.

## Tránh

- Chia sẻ lại bài viết không rõ nguồn, nhất là về mức phạt hoặc chính sách hỗ trợ.
- Đăng thông tin cá nhân của người vi phạm, người được hòa giải.
- Tranh luận gay gắt với người bình luận.

Theo Luật Bảo vệ dữ liệu cá nhân năm 2025, việc đăng hình ảnh, thông tin cá nhân của người khác khi chưa có sự đồng ý có thể bị xử lý; cán bộ làm công tác tuyên truyền cần đặc biệt lưu ý.""",
    },
    {
        "slug": "huong-dan-tiep-nhan-cau-hoi-phap-luat",
        "title": "Hướng dẫn tiếp nhận và trả lời câu hỏi pháp luật của người dân",
        "date": "2026-06-11",
        "summary": "Quy trình tiếp nhận, phân loại, trả lời và công khai câu hỏi pháp luật giúp người dân nhận được "
        "câu trả lời đúng, đủ và đúng hạn.",
        "tags": ["Hỏi đáp pháp luật", "Công chức tư pháp"],
        "source": "Văn phòng Sở Tư pháp",
        "image": "tro-giup-phap-ly",
        "body": """Câu hỏi pháp luật của người dân được gửi đến qua nhiều kênh: trực tiếp, điện thoại, thư điện tử và chuyên mục Hỏi đáp pháp luật trên trang này. Để trả lời thống nhất, các đơn vị thực hiện theo các bước sau.

## Tiếp nhận và phân loại

Câu hỏi được ghi nhận ngày tiếp nhận, lĩnh vực pháp luật và mức độ phức tạp. Câu hỏi không thuộc phạm vi (khiếu nại, tố cáo, yêu cầu giải quyết vụ việc cụ thể) được hướng dẫn chuyển đến cơ quan có thẩm quyền.

## Trả lời

Câu trả lời nêu rõ căn cứ pháp lý (tên văn bản, điều, khoản), giải thích bằng ngôn ngữ dễ hiểu và hướng dẫn người hỏi việc cần làm tiếp theo. Không kết luận thay cơ quan có thẩm quyền khi chưa đủ thông tin.

## Công khai

Câu hỏi có giá trị tham khảo chung được công khai sau khi đã lược bỏ thông tin cá nhân, nếu người hỏi đồng ý. Câu trả lời phải được rà soát lại khi văn bản làm căn cứ được sửa đổi, thay thế.""",
    },
    {
        "slug": "ho-so-to-hoa-giai-can-luu",
        "title": "Hồ sơ, sổ sách tổ hòa giải cần lưu giữ",
        "date": "2026-05-07",
        "summary": "Danh mục hồ sơ tối thiểu của một tổ hòa giải và cách ghi sổ theo dõi hoạt động hòa giải để "
        "phục vụ thống kê, báo cáo và đánh giá chuẩn tiếp cận pháp luật.",
        "tags": ["Hòa giải ở cơ sở", "Biểu mẫu"],
        "source": "Phòng Phổ biến, giáo dục pháp luật",
        "image": "tu-sach",
        "body": """Hồ sơ đầy đủ giúp tổ hòa giải theo dõi vụ việc, làm căn cứ hỗ trợ kinh phí cho hòa giải viên và phục vụ đánh giá chuẩn tiếp cận pháp luật.

## Hồ sơ tối thiểu

- Quyết định công nhận tổ trưởng, hòa giải viên.
- Sổ theo dõi hoạt động hòa giải ở cơ sở.
- Văn bản hòa giải thành (nếu có) và các giấy tờ liên quan.
- Tài liệu pháp luật phục vụ hòa giải.

## Ghi sổ theo dõi

| Cột | Cách ghi |
| Ngày tiếp nhận | Ngày tổ hòa giải biết hoặc nhận yêu cầu |
| Các bên | Họ tên, địa chỉ |
| Nội dung | Loại việc: đất đai, hôn nhân gia đình, dân sự khác |
| Kết quả | Thành, không thành, đang hòa giải |
| Hòa giải viên | Người trực tiếp thực hiện |

Sổ được ghi ngay sau mỗi vụ việc, không để dồn đến cuối kỳ báo cáo. Thông tin trong sổ là thông tin đời tư của các bên, chỉ sử dụng cho mục đích quản lý, không được công khai.""",
    },
]
