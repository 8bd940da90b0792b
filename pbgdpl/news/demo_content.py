"""Demo content written for the portal: site settings, section intros and articles.

Everything here is fictional demo material about a provincial Department of Justice's legal
dissemination work; the laws cited are real Vietnamese laws. Article bodies use a tiny markup
that ``seed_demo`` turns into StreamField blocks:

- a blank line separates paragraphs; ``## `` starts a heading, ``### `` a sub-heading;
- ``> text -- attribution`` is a quote; lines starting ``- `` form a bulleted list;
- lines starting ``|`` form a table (the first row is the header);
- ``[[image]]`` inserts the article's second illustration.
"""

PORTAL = {
    "province": "Tỉnh Hưng Yên",
    "department_name": "Sở Tư pháp tỉnh Hưng Yên",
    "address": "Số 8 đường Chùa Chuông, phường Phố Hiến, tỉnh Hưng Yên",
    "hotline": "0221 3 862 555",
    "email": "sotuphap@hungyen.gov.vn",
    "working_hours": "Thứ Hai – Thứ Sáu: sáng 7:30–11:30, chiều 13:30–17:00",
    "facebook_url": "https://www.facebook.com/sotuphaphungyen",
    "zalo_url": "https://zalo.me/sotuphaphungyen",
}

NATIONAL_LINKS = [
    ("Cơ sở dữ liệu quốc gia về văn bản pháp luật", "https://vbpl.vn"),
    ("Cổng Pháp luật quốc gia", "https://phapluat.gov.vn"),
    ("Công báo Chính phủ", "https://congbao.chinhphu.vn"),
    ("Cơ sở dữ liệu quốc gia về pháp luật (Bộ Tư pháp)", "https://csdlquocgia.moj.gov.vn"),
    ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn"),
]

HOME = {
    "title": "Trang chủ",
    "hero_title": "Tra cứu pháp luật nhanh, dễ hiểu",
    "intro": (
        "Trang thông tin phổ biến, giáo dục pháp luật của Sở Tư pháp tỉnh Hưng Yên: văn bản pháp luật "
        "còn hiệu lực, tin hoạt động, hướng dẫn nghiệp vụ và những tình huống pháp luật gần gũi với "
        "đời sống hằng ngày."
    ),
    "seo_title": "Phổ biến, giáo dục pháp luật tỉnh Hưng Yên",
    "search_description": (
        "Tra cứu văn bản pháp luật, hỏi đáp pháp luật, tin tức và tài liệu tuyên truyền của Sở Tư pháp "
        "tỉnh Hưng Yên."
    ),
}

# (slug, title, kind, intro, body html, featured description)
# kind: "section" (core.SectionPage) or "index" (news.ArticleIndexPage). Order = menu order.
# /hoi-dap/ and /cuoc-thi/ are served by the qa and quizzes apps (their Django URLs come
# before Wagtail's); the section pages give them a menu entry, a title and an intro text.
SECTIONS = [
    (
        "gioi-thieu",
        "Giới thiệu",
        "section",
        "Sở Tư pháp tỉnh Hưng Yên là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, tham mưu và giúp "
        "Ủy ban nhân dân tỉnh quản lý nhà nước về công tác phổ biến, giáo dục pháp luật trên địa bàn.",
        "<p>Trang thông tin này do Sở Tư pháp quản lý, với vai trò là cơ quan thường trực của Hội đồng "
        "phối hợp phổ biến, giáo dục pháp luật tỉnh. Nội dung được Ban biên tập duyệt trước khi đăng.</p>"
        "<h2>Nhiệm vụ của trang</h2>"
        "<ul><li>Đăng tải văn bản quy phạm pháp luật của Trung ương và của tỉnh, kèm tình trạng hiệu lực.</li>"
        "<li>Thông tin về hoạt động phổ biến, giáo dục pháp luật, hòa giải ở cơ sở, xây dựng cấp xã đạt "
        "chuẩn tiếp cận pháp luật.</li>"
        "<li>Tiếp nhận và trả lời câu hỏi pháp luật của người dân, doanh nghiệp.</li>"
        "<li>Cung cấp tài liệu tuyên truyền, chương trình nghe nhìn để các xã, phường sử dụng miễn phí.</li></ul>"
        "<h2>Ban biên tập</h2>"
        "<p>Ban biên tập gồm lãnh đạo Sở Tư pháp, đại diện Phòng Phổ biến, giáo dục pháp luật và Văn phòng "
        "Sở. Mọi ý kiến góp ý về nội dung trang xin gửi về địa chỉ thư điện tử ở cuối trang.</p>",
        "",
    ),
    (
        "tin-tuc",
        "Tin tức",
        "index",
        "Tin hoạt động phổ biến, giáo dục pháp luật của Sở Tư pháp, Hội đồng phối hợp PBGDPL tỉnh và các "
        "xã, phường trên địa bàn.",
        "",
        "Hoạt động phổ biến, giáo dục pháp luật trong tỉnh.",
    ),
    (
        "huong-dan-nghiep-vu",
        "Hướng dẫn nghiệp vụ",
        "index",
        "Hướng dẫn nghiệp vụ cho hòa giải viên, báo cáo viên, tuyên truyền viên pháp luật và công chức tư "
        "pháp – hộ tịch cấp xã.",
        "",
        "Dành cho hòa giải viên, báo cáo viên và công chức tư pháp.",
    ),
    (
        "tinh-huong-phap-luat",
        "Tình huống pháp luật",
        "index",
        "Những câu chuyện thường gặp trong đời sống được giải đáp theo quy định pháp luật hiện hành.",
        "",
        "Câu chuyện đời thường, giải đáp theo luật.",
    ),
    (
        "hoi-dap",
        "Hỏi đáp pháp luật",
        "section",
        "Người dân, doanh nghiệp có thể gửi câu hỏi về các quy định pháp luật; câu trả lời được công khai "
        "để nhiều người cùng tham khảo.",
        "<p>Chức năng gửi câu hỏi trực tuyến đang được hoàn thiện. Trong thời gian này, bạn có thể gửi câu "
        "hỏi qua thư điện tử hoặc gọi đường dây nóng của Sở Tư pháp trong giờ làm việc.</p>"
        "<p>Khi gửi câu hỏi, xin nêu rõ sự việc, thời điểm xảy ra và những giấy tờ bạn đang có. Thông tin "
        "cá nhân của người hỏi được giữ kín và không đăng công khai.</p>",
        "Gửi câu hỏi, xem câu trả lời của cơ quan chuyên môn.",
    ),
    (
        "cuoc-thi",
        "Cuộc thi tìm hiểu pháp luật",
        "section",
        "Cuộc thi tìm hiểu pháp luật trực tuyến do Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh tổ "
        "chức: đăng ký, dự thi theo từng đợt, xem kết quả và luyện tập với bộ câu hỏi mẫu.",
        "<p>Mỗi đợt thi gồm các câu hỏi trắc nghiệm về những luật gần gũi với đời sống và một câu hỏi dự "
        "đoán số người trả lời đúng. Thông tin cá nhân của người dự thi chỉ dùng để trao giải.</p>",
        "Thi tìm hiểu pháp luật trực tuyến, luyện tập miễn phí.",
    ),
    (
        "tai-lieu-tuyen-truyen",
        "Tài liệu tuyên truyền",
        "section",
        "Đề cương giới thiệu luật, tờ gấp, áp phích và bài giảng do Sở Tư pháp biên soạn để cơ quan, đơn vị "
        "và xã, phường sử dụng trong công tác tuyên truyền.",
        "<p>Các tài liệu được biên soạn theo chương trình phổ biến, giáo dục pháp luật hằng năm của tỉnh, "
        "tập trung vào các luật mới được Quốc hội thông qua và những lĩnh vực người dân quan tâm như đất "
        "đai, hôn nhân và gia đình, trật tự an toàn giao thông, phòng, chống bạo lực gia đình.</p>"
        "<p>Cơ quan, đơn vị được tự do in ấn, nhân bản tài liệu để phát miễn phí, với điều kiện giữ nguyên "
        "nội dung và ghi rõ nguồn “Sở Tư pháp tỉnh Hưng Yên”.</p>",
        "Đề cương, tờ gấp, áp phích dùng miễn phí.",
    ),
    (
        "tu-sach-phap-luat",
        "Tủ sách pháp luật",
        "section",
        "Tủ sách pháp luật được xây dựng, quản lý và khai thác theo Quyết định số 14/2019/QĐ-TTg của Thủ "
        "tướng Chính phủ, phục vụ nhu cầu tìm hiểu pháp luật của cán bộ và nhân dân.",
        "<p>Mỗi xã, phường trên địa bàn tỉnh có tủ sách pháp luật đặt tại trụ sở Ủy ban nhân dân, mở cửa "
        "trong giờ hành chính. Nhiều thôn, tổ dân phố bố trí thêm góc sách tại nhà văn hóa.</p>"
        "<p>Tủ sách pháp luật điện tử của tỉnh tập hợp sách hỏi đáp, tài liệu giới thiệu luật và các ấn "
        "phẩm của Bộ Tư pháp; người dân có thể đọc trực tuyến không cần đăng ký.</p>",
        "Sách và tài liệu pháp luật đọc miễn phí.",
    ),
    (
        "hoa-giai-o-co-so",
        "Hòa giải ở cơ sở",
        "section",
        "Hòa giải ở cơ sở giúp các bên tự nguyện thỏa thuận, giải quyết mâu thuẫn, tranh chấp nhỏ ngay tại "
        "thôn, tổ dân phố theo Luật Hòa giải ở cơ sở năm 2013.",
        "<p>Tổ hòa giải có từ ba hòa giải viên trở lên, do Ban công tác Mặt trận thôn, tổ dân phố phối hợp "
        "lựa chọn. Việc hòa giải không mất phí, được tiến hành kịp thời, tôn trọng sự tự nguyện của các bên "
        "và giữ bí mật thông tin đời tư.</p>"
        "<h2>Những việc được hòa giải</h2>"
        "<p>Mâu thuẫn giữa các bên do khác nhau về quan niệm sống, lối sống; tranh chấp phát sinh từ quan hệ "
        "dân sự như quyền sử dụng đất, nghĩa vụ dân sự; tranh chấp về hôn nhân và gia đình; vi phạm pháp luật "
        "chưa đến mức bị xử lý hình sự hoặc xử lý hành chính theo quy định.</p>",
        "Tổ hòa giải, hòa giải viên và kỹ năng hòa giải.",
    ),
    (
        "chuan-tiep-can-phap-luat",
        "Chuẩn tiếp cận pháp luật",
        "section",
        "Xây dựng xã, phường đạt chuẩn tiếp cận pháp luật theo Quyết định số 25/2021/QĐ-TTg nhằm bảo đảm "
        "người dân được tiếp cận thông tin pháp luật, được hỗ trợ khi có nhu cầu.",
        "<p>Việc đánh giá được thực hiện hằng năm theo năm tiêu chí: tiếp cận thông tin, phổ biến, giáo dục "
        "pháp luật; thực hiện thủ tục hành chính; hòa giải ở cơ sở; thực hiện dân chủ ở cơ sở; bảo đảm trật "
        "tự, an toàn xã hội và trợ giúp pháp lý. Kết quả đánh giá được công khai để người dân theo dõi.</p>",
        "Tiêu chí, kết quả đánh giá hằng năm.",
    ),
    (
        "bao-cao-vien-phap-luat",
        "Báo cáo viên pháp luật",
        "section",
        "Danh sách, hoạt động và tài liệu sinh hoạt của đội ngũ báo cáo viên pháp luật tỉnh, được công nhận "
        "theo Luật Phổ biến, giáo dục pháp luật năm 2012.",
        "<p>Báo cáo viên pháp luật cấp tỉnh do Chủ tịch Ủy ban nhân dân tỉnh quyết định công nhận, gồm cán "
        "bộ, công chức có trình độ cử nhân luật hoặc có kinh nghiệm công tác pháp luật. Cơ quan, đơn vị, xã, "
        "phường có nhu cầu mời báo cáo viên xin liên hệ Phòng Phổ biến, giáo dục pháp luật của Sở.</p>",
        "Đội ngũ báo cáo viên và lịch sinh hoạt.",
    ),
]

# Children of "Tình huống pháp luật" that are not articles.
AUDIOVISUAL = (
    "chuong-trinh-nghe-nhin",
    "Chương trình nghe nhìn",
    "Các chương trình truyền hình, phát thanh và tiểu phẩm pháp luật do Sở Tư pháp phối hợp với Báo và "
    "Phát thanh, Truyền hình Hưng Yên thực hiện.",
    "<p>Chương trình “Pháp luật và cuộc sống” phát sóng tối thứ Năm hằng tuần; chuyên mục phát thanh "
    "“Bạn hỏi – luật sư trả lời” phát trên hệ thống truyền thanh cơ sở vào sáng thứ Bảy. Các xã, phường "
    "được tiếp sóng và sử dụng lại miễn phí.</p>",
)
GALLERY = (
    "thu-vien-hinh-anh",
    "Thư viện hình ảnh",
    "Hình ảnh các hoạt động tuyên truyền, hòa giải, hội thi và Ngày Pháp luật Việt Nam trên địa bàn tỉnh.",
)

# Illustrations generated with Pillow: (key, title, caption, colour scheme, motif).
IMAGES = [
    ("ngay-phap-luat", "Ngày Pháp luật Việt Nam", "Hưởng ứng Ngày Pháp luật Việt Nam 9/11", "red", "star"),
    ("hoa-giai", "Hòa giải ở cơ sở", "Buổi hòa giải tại nhà văn hóa thôn", "blue", "hands"),
    ("hoi-thi", "Hội thi hòa giải viên giỏi", "Hội thi hòa giải viên giỏi cấp tỉnh", "gold", "podium"),
    ("tuyen-truyen-truong-hoc", "Tuyên truyền trong trường học", "Tuyên truyền pháp luật cho học sinh", "green", "book"),
    ("giao-thong", "An toàn giao thông", "Tuyên truyền Luật Trật tự, an toàn giao thông đường bộ", "blue", "road"),
    ("dat-dai", "Luật Đất đai", "Hội nghị giới thiệu Luật Đất đai", "green", "field"),
    ("tu-sach", "Tủ sách pháp luật", "Tủ sách pháp luật tại trụ sở xã", "gold", "book"),
    ("hoi-nghi", "Hội nghị phổ biến pháp luật", "Hội nghị phổ biến văn bản luật mới", "blue", "podium"),
    ("gia-dinh", "Hôn nhân và gia đình", "Phòng, chống bạo lực gia đình", "red", "home"),
    ("lao-dong", "Pháp luật lao động", "Phổ biến pháp luật cho công nhân khu công nghiệp", "gold", "gear"),
    ("chuyen-doi-so", "Chuyển đổi số", "Phổ biến pháp luật trên nền tảng số", "green", "screen"),
    ("tro-giup-phap-ly", "Trợ giúp pháp lý", "Trợ giúp pháp lý lưu động", "red", "hands"),
]

# Gallery photos: (image key, caption)
GALLERY_IMAGES = [
    ("ngay-phap-luat", "Lễ hưởng ứng Ngày Pháp luật Việt Nam năm 2026 tại Trung tâm Hội nghị tỉnh."),
    ("hoi-thi", "Phần thi tình huống của đội xã Tiên Lữ tại Hội thi hòa giải viên giỏi."),
    ("hoa-giai", "Tổ hòa giải thôn Đông Hồng họp rút kinh nghiệm sau một vụ việc."),
    ("tuyen-truyen-truong-hoc", "Học sinh Trường THPT Phù Cừ tham gia hỏi đáp pháp luật."),
    ("tu-sach", "Người dân đọc sách tại tủ sách pháp luật phường Sơn Nam."),
    ("tro-giup-phap-ly", "Trợ giúp viên pháp lý tư vấn cho người cao tuổi tại xã Quỳnh Phụ."),
]
