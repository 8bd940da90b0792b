"""Demo news articles (Tin tức). See demo_content.py for the body markup."""

NEWS = [
    {
        "slug": "huong-ung-ngay-phap-luat-viet-nam-2026",
        "title": "Hưng Yên tổ chức Lễ hưởng ứng Ngày Pháp luật Việt Nam năm 2026",
        "date": "2026-11-09",
        "summary": "Sáng 9/11, Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh tổ chức Lễ hưởng ứng Ngày "
        "Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam, với sự tham dự của hơn 400 đại biểu.",
        "tags": ["Ngày Pháp luật", "Hội đồng phối hợp PBGDPL"],
        "source": "Phòng Phổ biến, giáo dục pháp luật",
        "image": "ngay-phap-luat",
        "image2": "hoi-nghi",
        "body": """Sáng ngày 9/11/2026, tại Trung tâm Hội nghị tỉnh, Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh Hưng Yên tổ chức Lễ hưởng ứng Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam. Tham dự có lãnh đạo Ủy ban nhân dân tỉnh, thành viên Hội đồng phối hợp, đại diện các sở, ngành, Ủy ban nhân dân các xã, phường cùng đông đảo cán bộ, công chức, đoàn viên thanh niên và học sinh.

Phát biểu tại buổi lễ, Phó Chủ tịch Ủy ban nhân dân tỉnh nhấn mạnh: Ngày Pháp luật không chỉ là dịp tôn vinh Hiến pháp và pháp luật mà còn là dịp để mỗi cơ quan, đơn vị nhìn lại cách làm, đưa pháp luật đến gần hơn với người dân, nhất là sau khi tỉnh sắp xếp lại đơn vị hành chính và vận hành chính quyền địa phương hai cấp.

## Nhiều cách làm mới trong năm 2026

Báo cáo tại buổi lễ cho biết, từ đầu năm đến nay toàn tỉnh đã tổ chức gần 3.200 cuộc tuyên truyền trực tiếp với hơn 250.000 lượt người tham dự; biên soạn, phát hành 45.000 tờ gấp, đề cương giới thiệu luật; phát sóng 96 chương trình phát thanh, truyền hình về pháp luật. Hình thức tuyên truyền qua mạng xã hội, nhóm Zalo của thôn, tổ dân phố được nhiều xã áp dụng, giúp thông tin đến với người dân nhanh hơn.

[[image]]

> Mỗi cán bộ, công chức phải là một tuyên truyền viên pháp luật, trước hết bằng chính việc gương mẫu chấp hành pháp luật. -- Phó Chủ tịch Ủy ban nhân dân tỉnh

Dịp này, Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen cho 12 tập thể và 20 cá nhân có thành tích xuất sắc trong công tác phổ biến, giáo dục pháp luật và hòa giải ở cơ sở giai đoạn 2024 – 2026.""",
    },
    {
        "slug": "hoi-thi-hoa-giai-vien-gioi-cap-tinh-2026",
        "title": "Sôi nổi Hội thi hòa giải viên giỏi cấp tỉnh năm 2026",
        "date": "2026-10-24",
        "summary": "Mười hai đội thi đại diện cho các cụm xã, phường đã mang đến Hội thi những tình huống hòa giải "
        "gần gũi, giàu tính thực tiễn về đất đai, hôn nhân gia đình và quan hệ láng giềng.",
        "tags": ["Hòa giải ở cơ sở", "Hội thi"],
        "source": "Sở Tư pháp tỉnh Hưng Yên",
        "image": "hoi-thi",
        "body": """Hội thi hòa giải viên giỏi cấp tỉnh năm 2026 do Sở Tư pháp phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tổ chức trong hai ngày 23 và 24/10. Mỗi đội gồm ba hòa giải viên đang sinh hoạt tại tổ hòa giải ở thôn, tổ dân phố.

Các đội tham gia ba phần thi: chào hỏi, kiến thức pháp luật và xử lý tình huống. Phần thi tình huống được đánh giá cao nhất khi các đội dựng lại những vụ việc có thật ở địa phương như tranh chấp lối đi chung, mâu thuẫn giữa con dâu và mẹ chồng, chia tài sản thừa kế giữa anh em trong gia đình.

## Hòa giải bằng lý và bằng tình

Ban Giám khảo nhận xét, nhiều đội đã vận dụng đúng quy định của Luật Hòa giải ở cơ sở năm 2013, Bộ luật Dân sự năm 2015 và Luật Hôn nhân và gia đình năm 2014; đồng thời khéo léo kết hợp phong tục, tập quán tốt đẹp của địa phương để các bên tự nguyện thỏa thuận.

Kết quả, giải Nhất thuộc về đội xã Tiên Lữ; hai giải Nhì thuộc về đội phường Thái Bình và đội xã Văn Giang; ba giải Ba và sáu giải Khuyến khích được trao cho các đội còn lại. Đội đạt giải Nhất sẽ đại diện tỉnh tham dự Hội thi toàn quốc vào năm sau.""",
    },
    {
        "slug": "gioi-thieu-luat-moi-co-hieu-luc-tu-1-1-2027",
        "title": "Hội nghị giới thiệu các luật mới có hiệu lực từ ngày 01/01/2027",
        "date": "2026-11-20",
        "summary": "Sở Tư pháp tổ chức hội nghị trực tuyến đến 104 điểm cầu xã, phường để giới thiệu những điểm mới "
        "của các luật được Quốc hội thông qua và sắp có hiệu lực thi hành.",
        "tags": ["Luật mới", "Hội nghị phổ biến"],
        "source": "Phòng Phổ biến, giáo dục pháp luật",
        "image": "hoi-nghi",
        "body": """Ngày 20/11/2026, Sở Tư pháp tổ chức hội nghị trực tuyến giới thiệu các luật mới có hiệu lực từ ngày 01/01/2027. Hội nghị được kết nối đến điểm cầu của tất cả các xã, phường trên địa bàn tỉnh, thu hút hơn 3.000 cán bộ, công chức tham dự.

Các báo cáo viên pháp luật cấp tỉnh đã trình bày những nội dung mới, những việc cơ quan, đơn vị và người dân cần chuẩn bị trước khi luật có hiệu lực, đặc biệt là các quy định liên quan trực tiếp đến thủ tục hành chính ở cấp xã.

## Đề nghị các xã chủ động tuyên truyền

Sở Tư pháp đề nghị Ủy ban nhân dân các xã, phường tiếp tục phổ biến nội dung hội nghị đến cán bộ thôn, tổ dân phố; niêm yết đề cương giới thiệu luật tại trụ sở và đưa lên nhóm Zalo của địa phương. Tài liệu hội nghị được đăng tải tại chuyên mục Tài liệu tuyên truyền trên trang này.

Trong quá trình triển khai, nếu có vướng mắc, cán bộ, công chức có thể gửi câu hỏi qua chuyên mục Hỏi đáp pháp luật để được giải đáp.""",
    },
    {
        "slug": "ra-mat-trang-thong-tin-pbgdpl-moi",
        "title": "Ra mắt Trang thông tin phổ biến, giáo dục pháp luật phiên bản mới",
        "date": "2026-11-25",
        "summary": "Trang thông tin mới cho phép tra cứu văn bản pháp luật đến từng điều, khoản, hiển thị tình trạng "
        "hiệu lực rõ ràng và tìm kiếm được cả khi gõ tiếng Việt không dấu.",
        "tags": ["Chuyển đổi số", "Trang thông tin"],
        "source": "Văn phòng Sở Tư pháp",
        "image": "chuyen-doi-so",
        "body": """Từ ngày 25/11/2026, Trang thông tin phổ biến, giáo dục pháp luật của Sở Tư pháp tỉnh Hưng Yên chính thức vận hành phiên bản mới. Giao diện được thiết kế ưu tiên cho điện thoại di động, chữ to, dễ đọc, phù hợp với cả người cao tuổi.

## Những tiện ích chính

- Tìm kiếm văn bản theo số ký hiệu, trích yếu hoặc nội dung điều luật; gõ có dấu hay không dấu đều cho kết quả.
- Xem tình trạng hiệu lực của văn bản và từng điều khoản tại thời điểm cần tra cứu.
- Đọc tin tức, hướng dẫn nghiệp vụ, tình huống pháp luật; nhận tin mới qua RSS.
- Gửi câu hỏi pháp luật và theo dõi câu trả lời.

Trang được xây dựng trên nền tảng mã nguồn mở, dữ liệu thuộc quyền quản lý của Sở Tư pháp. Mọi góp ý về nội dung và cách sử dụng xin gửi về địa chỉ thư điện tử ghi ở cuối trang.""",
    },
    {
        "slug": "tap-huan-ky-nang-hoa-giai-vien-2026",
        "title": "Tập huấn kỹ năng cho hơn 600 hòa giải viên ở cơ sở",
        "date": "2026-09-18",
        "summary": "Lớp tập huấn tập trung vào kỹ năng lắng nghe, đặt câu hỏi và lập biên bản hòa giải thành, giúp "
        "hòa giải viên tự tin hơn khi xử lý các vụ việc phức tạp.",
        "tags": ["Hòa giải ở cơ sở", "Tập huấn"],
        "source": "Phòng Phổ biến, giáo dục pháp luật",
        "image": "hoa-giai",
        "body": """Trong tháng 9/2026, Sở Tư pháp phối hợp với Ủy ban nhân dân các xã, phường tổ chức sáu lớp tập huấn nghiệp vụ hòa giải ở cơ sở cho hơn 600 tổ trưởng, hòa giải viên.

Tại lớp học, giảng viên là các báo cáo viên pháp luật cấp tỉnh đã giới thiệu những kiến thức pháp luật thường gặp trong hòa giải về đất đai, thừa kế, hôn nhân và gia đình; hướng dẫn quy trình hòa giải theo Luật Hòa giải ở cơ sở và Nghị định số 15/2014/NĐ-CP.

Điểm mới của đợt tập huấn năm nay là phần thực hành theo nhóm. Mỗi nhóm nhận một tình huống, phân vai các bên tranh chấp và hòa giải viên, sau đó cùng nhận xét cách xử lý. Nhiều học viên cho biết cách học này giúp họ nhận ra những lỗi thường gặp như vội vàng kết luận đúng sai hay để các bên to tiếng với nhau.

> Trước đây tôi chỉ nghĩ hòa giải là khuyên nhủ. Sau lớp học, tôi biết phải lắng nghe đủ hai bên và ghi chép đúng mẫu để thỏa thuận có giá trị. -- Một tổ trưởng tổ hòa giải ở xã Kim Động""",
    },
    {
        "slug": "tuyen-truyen-phap-luat-cho-hoc-sinh-thpt",
        "title": "Đưa pháp luật về trường học qua sân khấu hóa",
        "date": "2026-10-08",
        "summary": "Chuỗi chương trình sân khấu hóa về an toàn giao thông, phòng, chống bạo lực học đường và an toàn "
        "trên không gian mạng được tổ chức tại 15 trường trung học phổ thông.",
        "tags": ["Trường học", "An toàn giao thông", "Thanh thiếu niên"],
        "source": "Sở Tư pháp phối hợp Sở Giáo dục và Đào tạo",
        "image": "tuyen-truyen-truong-hoc",
        "body": """Hưởng ứng năm học mới, Sở Tư pháp phối hợp với Sở Giáo dục và Đào tạo và Tỉnh đoàn tổ chức chuỗi chương trình “Pháp luật học đường” bằng hình thức sân khấu hóa tại 15 trường trung học phổ thông.

Các tiểu phẩm do chính học sinh dàn dựng, kể những câu chuyện quen thuộc: đi xe máy khi chưa đủ tuổi, bị lừa đảo khi mua bán trên mạng, bị bạn bè bắt nạt và quay video đăng lên mạng xã hội. Sau mỗi tiểu phẩm, báo cáo viên pháp luật phân tích đúng sai theo quy định của Luật Trật tự, an toàn giao thông đường bộ năm 2024, Luật An ninh mạng và Luật Trẻ em.

Phần hỏi đáp trực tiếp thu hút nhiều câu hỏi của học sinh, chẳng hạn học sinh lớp 10 được điều khiển loại xe nào, đăng ảnh của bạn lên mạng khi chưa được đồng ý có vi phạm pháp luật hay không.

Chương trình sẽ tiếp tục được tổ chức tại các trường còn lại trong học kỳ II.""",
    },
    {
        "slug": "danh-gia-chuan-tiep-can-phap-luat-nam-2026",
        "title": "Triển khai đánh giá xã, phường đạt chuẩn tiếp cận pháp luật năm 2026",
        "date": "2026-11-12",
        "summary": "Sở Tư pháp hướng dẫn các xã, phường tự chấm điểm, lấy ý kiến người dân và hoàn thiện hồ sơ đề "
        "nghị công nhận đạt chuẩn tiếp cận pháp luật trước ngày 15/12.",
        "tags": ["Chuẩn tiếp cận pháp luật"],
        "source": "Phòng Phổ biến, giáo dục pháp luật",
        "image": "hoi-nghi",
        "body": """Thực hiện Quyết định số 25/2021/QĐ-TTg của Thủ tướng Chính phủ quy định về xã, phường, thị trấn đạt chuẩn tiếp cận pháp luật, Sở Tư pháp vừa ban hành văn bản hướng dẫn đánh giá năm 2026.

Theo hướng dẫn, Ủy ban nhân dân cấp xã tự đánh giá, chấm điểm theo năm tiêu chí, công khai kết quả tự đánh giá và lấy ý kiến của người dân ít nhất 10 ngày trước khi hoàn thiện hồ sơ. Hội đồng đánh giá của tỉnh sẽ xem xét, đề nghị Chủ tịch Ủy ban nhân dân tỉnh công nhận.

## Lưu ý khi chấm điểm

| Tiêu chí | Nội dung chính | Tài liệu kiểm chứng gợi ý |
| Tiêu chí 1 | Tiếp cận thông tin, phổ biến, giáo dục pháp luật | Kế hoạch, báo cáo, sổ theo dõi tủ sách pháp luật |
| Tiêu chí 2 | Thực hiện thủ tục hành chính | Sổ theo dõi hồ sơ, kết quả giải quyết đúng hạn |
| Tiêu chí 3 | Hòa giải ở cơ sở | Quyết định thành lập tổ hòa giải, sổ theo dõi vụ việc |
| Tiêu chí 4 | Thực hiện dân chủ ở cơ sở | Biên bản hội nghị, kết quả lấy ý kiến người dân |
| Tiêu chí 5 | Bảo đảm trật tự, an toàn xã hội và trợ giúp pháp lý | Báo cáo của công an xã, danh sách người được trợ giúp |

Sở Tư pháp lưu ý các xã, phường chấm điểm trung thực, có tài liệu kiểm chứng cho từng chỉ tiêu; tránh tình trạng chạy theo thành tích.""",
    },
    {
        "slug": "pho-bien-phap-luat-lao-dong-khu-cong-nghiep",
        "title": "Phổ biến pháp luật lao động cho công nhân các khu công nghiệp",
        "date": "2026-08-27",
        "summary": "Hơn 1.500 công nhân tại các khu công nghiệp Phố Nối A, Thăng Long II và Minh Đức được giới "
        "thiệu các quy định về hợp đồng lao động, tiền lương, bảo hiểm xã hội.",
        "tags": ["Lao động", "Doanh nghiệp"],
        "source": "Sở Tư pháp phối hợp Liên đoàn Lao động tỉnh",
        "image": "lao-dong",
        "body": """Trong hai ngày 26 và 27/8/2026, Sở Tư pháp phối hợp với Liên đoàn Lao động tỉnh tổ chức các buổi phổ biến pháp luật lao động vào giờ nghỉ ca tại nhà ăn của doanh nghiệp, giúp công nhân tham dự mà không ảnh hưởng đến sản xuất.

Báo cáo viên đã giải đáp những thắc mắc thường gặp: thời gian thử việc tối đa, quyền đơn phương chấm dứt hợp đồng lao động, cách tính tiền làm thêm giờ, chế độ nghỉ thai sản theo Bộ luật Lao động năm 2019 và Luật Bảo hiểm xã hội năm 2024.

Nhiều công nhân trẻ quan tâm đến việc rút bảo hiểm xã hội một lần. Báo cáo viên phân tích kỹ quyền lợi lâu dài khi tiếp tục tham gia, giúp người lao động cân nhắc trước khi quyết định.

Liên đoàn Lao động tỉnh cho biết sẽ duy trì điểm tư vấn pháp luật định kỳ hằng tháng tại các khu công nghiệp.""",
    },
    {
        "slug": "tro-giup-phap-ly-luu-dong-nguoi-cao-tuoi",
        "title": "Trợ giúp pháp lý lưu động cho người cao tuổi và người khuyết tật",
        "date": "2026-09-30",
        "summary": "Trung tâm Trợ giúp pháp lý nhà nước tỉnh tổ chức 8 đợt trợ giúp pháp lý lưu động, tư vấn miễn "
        "phí cho hơn 300 người thuộc diện được trợ giúp.",
        "tags": ["Trợ giúp pháp lý", "Người cao tuổi"],
        "source": "Trung tâm Trợ giúp pháp lý nhà nước tỉnh",
        "image": "tro-giup-phap-ly",
        "body": """Nhân Ngày Quốc tế Người cao tuổi 1/10, Trung tâm Trợ giúp pháp lý nhà nước tỉnh đã tổ chức 8 đợt trợ giúp pháp lý lưu động tại các xã vùng ven biển và vùng bãi sông.

Các trợ giúp viên pháp lý đã tư vấn trực tiếp về lập di chúc, tặng cho quyền sử dụng đất cho con cháu, chế độ trợ cấp xã hội, thủ tục cấp đổi giấy tờ. Một số vụ việc phức tạp được Trung tâm tiếp nhận để cử người tham gia tố tụng miễn phí.

Theo Luật Trợ giúp pháp lý năm 2017, người cao tuổi có hoàn cảnh khó khăn về tài chính, người khuyết tật có khó khăn về tài chính, người thuộc hộ nghèo, trẻ em và một số đối tượng khác được trợ giúp pháp lý miễn phí. Người dân có thể liên hệ Trung tâm hoặc Ủy ban nhân dân cấp xã để được hướng dẫn.""",
    },
    {
        "slug": "cuoc-thi-tim-hieu-phap-luat-truc-tuyen-2026",
        "title": "Phát động Cuộc thi tìm hiểu pháp luật trực tuyến năm 2026",
        "date": "2026-08-15",
        "summary": "Cuộc thi kéo dài 4 tuần, mỗi tuần 20 câu hỏi trắc nghiệm và một câu hỏi dự đoán số người trả "
        "lời đúng; mọi công dân từ đủ 14 tuổi đều có thể tham gia.",
        "tags": ["Cuộc thi", "Chuyển đổi số"],
        "source": "Ban Tổ chức Cuộc thi",
        "image": "chuyen-doi-so",
        "body": """Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh phát động Cuộc thi tìm hiểu pháp luật trực tuyến năm 2026 với chủ đề “Pháp luật trong đời sống hằng ngày”. Nội dung thi tập trung vào Luật Đất đai, Luật Trật tự, an toàn giao thông đường bộ, Luật Phòng, chống bạo lực gia đình và Luật Căn cước.

Mỗi tuần thi có 20 câu hỏi trắc nghiệm, thời gian làm bài tối đa 20 phút và một câu hỏi dự đoán dùng để xếp hạng khi có nhiều người cùng số điểm. Mỗi người được dự thi tối đa hai lần mỗi tuần, hệ thống lấy kết quả cao nhất.

## Giải thưởng

Ban Tổ chức trao giải tuần, giải chung cuộc cho cá nhân và giải tập thể cho các đơn vị có đông người tham gia nhất. Thông tin cá nhân của người dự thi chỉ được dùng để liên hệ trao giải và được xóa sau khi cuộc thi kết thúc theo quy định về bảo vệ dữ liệu cá nhân.""",
    },
    {
        "slug": "kiem-tra-cong-tac-pbgdpl-tai-cac-xa",
        "title": "Kiểm tra công tác phổ biến, giáo dục pháp luật tại 20 xã, phường",
        "date": "2026-07-22",
        "summary": "Đoàn kiểm tra ghi nhận nhiều cách làm hay sau sắp xếp đơn vị hành chính, đồng thời chỉ ra những "
        "hạn chế về cập nhật tủ sách pháp luật và sổ theo dõi hòa giải.",
        "tags": ["Hội đồng phối hợp PBGDPL", "Kiểm tra"],
        "source": "Văn phòng Hội đồng phối hợp PBGDPL tỉnh",
        "image": "tu-sach",
        "body": """Từ ngày 14 đến 22/7/2026, đoàn kiểm tra của Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh đã làm việc với 20 xã, phường về việc thực hiện kế hoạch phổ biến, giáo dục pháp luật sáu tháng đầu năm.

Qua kiểm tra, các địa phương đều đã kiện toàn Hội đồng phối hợp cấp xã sau khi sắp xếp đơn vị hành chính, ban hành kế hoạch và bố trí kinh phí. Nhiều xã duy trì tốt chuyên mục pháp luật trên loa truyền thanh và nhóm Zalo của thôn.

Bên cạnh kết quả đạt được, đoàn kiểm tra chỉ ra một số hạn chế: tủ sách pháp luật ở một số nơi chưa được bổ sung văn bản mới; sổ theo dõi hoạt động hòa giải ghi chép chưa đầy đủ; việc đánh giá hiệu quả tuyên truyền còn hình thức. Đoàn đề nghị các xã khắc phục trước khi đánh giá chuẩn tiếp cận pháp luật cuối năm.""",
    },
    {
        "slug": "tuyen-truyen-luat-dat-dai-cho-nguoi-dan",
        "title": "Hỏi – đáp Luật Đất đai năm 2024 tại các thôn, tổ dân phố",
        "date": "2026-10-16",
        "summary": "Mô hình “Tối thứ Sáu hỏi luật” tại nhà văn hóa thôn giúp người dân trực tiếp hỏi cán bộ địa "
        "chính, tư pháp về cấp giấy chứng nhận, chuyển nhượng, tách thửa.",
        "tags": ["Đất đai", "Mô hình hay"],
        "source": "Ủy ban nhân dân xã Kim Động",
        "image": "dat-dai",
        "body": """Hơn hai năm sau khi Luật Đất đai năm 2024 có hiệu lực, những câu hỏi về cấp giấy chứng nhận, chuyển nhượng, tách thửa vẫn chiếm phần lớn thắc mắc của người dân gửi đến Ủy ban nhân dân xã.

Để giải đáp kịp thời, xã Kim Động tổ chức mô hình “Tối thứ Sáu hỏi luật” tại nhà văn hóa các thôn. Mỗi buổi có công chức tư pháp – hộ tịch, công chức địa chính và một hòa giải viên giàu kinh nghiệm cùng tham gia. Người dân mang theo giấy tờ để được xem xét, hướng dẫn cụ thể.

Sau ba tháng, mô hình đã tổ chức 24 buổi với gần 900 lượt người dự, giải đáp hơn 300 câu hỏi. Nhiều mâu thuẫn về ranh giới thửa đất được phát hiện sớm và chuyển cho tổ hòa giải giải quyết trước khi trở thành tranh chấp.""",
    },
    {
        "slug": "so-ket-de-an-phong-chong-bao-luc-gia-dinh",
        "title": "Sơ kết mô hình phòng, chống bạo lực gia đình dựa vào cộng đồng",
        "date": "2026-06-26",
        "summary": "Nhân Ngày Gia đình Việt Nam, Sở Tư pháp phối hợp Sở Văn hóa, Thể thao và Du lịch đánh giá "
        "hiệu quả của các địa chỉ tin cậy ở cộng đồng và nhóm phòng, chống bạo lực gia đình.",
        "tags": ["Gia đình", "Phòng, chống bạo lực gia đình"],
        "source": "Sở Tư pháp tỉnh Hưng Yên",
        "image": "gia-dinh",
        "body": """Sau một năm triển khai, toàn tỉnh có 210 địa chỉ tin cậy ở cộng đồng và 180 nhóm phòng, chống bạo lực gia đình tại thôn, tổ dân phố. Các nhóm đã phát hiện, can thiệp kịp thời 64 vụ việc, hỗ trợ nơi tạm lánh cho 11 người bị bạo lực.

Theo Luật Phòng, chống bạo lực gia đình năm 2022, người phát hiện hành vi bạo lực gia đình có trách nhiệm báo tin cho cơ quan công an, Ủy ban nhân dân cấp xã hoặc người đứng đầu cộng đồng dân cư nơi gần nhất. Người báo tin được giữ bí mật thông tin.

Hội nghị kiến nghị tăng cường phối hợp giữa tổ hòa giải và nhóm phòng, chống bạo lực gia đình, bởi nhiều vụ bạo lực bắt nguồn từ những mâu thuẫn nhỏ không được hòa giải kịp thời.""",
    },
    {
        "slug": "boi-duong-bao-cao-vien-phap-luat-2026",
        "title": "Bồi dưỡng kỹ năng truyền đạt cho báo cáo viên pháp luật",
        "date": "2026-05-21",
        "summary": "Lớp bồi dưỡng giúp báo cáo viên thiết kế bài giảng ngắn gọn, dùng hình ảnh và tình huống thực "
        "tế thay cho việc đọc nguyên văn điều luật.",
        "tags": ["Báo cáo viên pháp luật", "Tập huấn"],
        "source": "Phòng Phổ biến, giáo dục pháp luật",
        "image": "hoi-nghi",
        "body": """Ngày 21/5/2026, Sở Tư pháp tổ chức lớp bồi dưỡng kỹ năng cho 85 báo cáo viên pháp luật cấp tỉnh và tuyên truyền viên pháp luật cấp xã.

Giảng viên chia sẻ nguyên tắc “ba phút đầu”: mở đầu bằng một câu chuyện có thật, nêu rõ người nghe được gì sau buổi nói chuyện, rồi mới đi vào quy định. Học viên được thực hành chuyển một điều luật dài thành sơ đồ đơn giản và thiết kế câu hỏi trắc nghiệm nhanh để kiểm tra mức độ hiểu của người nghe.

Phần thảo luận tập trung vào cách nói chuyện với những nhóm đối tượng khác nhau: người cao tuổi, thanh niên, công nhân, đồng bào theo đạo. Các học viên thống nhất rằng nói đúng luật là điều kiện cần, còn nói để người dân hiểu và làm theo mới là mục tiêu.""",
    },
]
