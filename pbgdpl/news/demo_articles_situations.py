"""Demo legal situations (Tình huống pháp luật): a question and an explanation citing the law."""

SITUATIONS = [
    {
        "slug": "bo-me-mat-khong-de-lai-di-chuc-chia-thua-ke-the-nao",
        "title": "Bố mẹ mất không để lại di chúc, anh chị em chia thừa kế thế nào?",
        "date": "2026-11-19",
        "summary": "Khi người chết không để lại di chúc, di sản được chia theo pháp luật: những người cùng hàng "
        "thừa kế được hưởng phần bằng nhau.",
        "tags": ["Thừa kế", "Dân sự", "Đất đai"],
        "source": "Ban biên tập",
        "image": "gia-dinh",
        "body": """## Tình huống

Bố mẹ anh Hùng ở xã Quỳnh Phụ lần lượt qua đời, để lại một thửa đất ở 200 m² đứng tên cả hai người và không lập di chúc. Anh Hùng có hai chị gái đã đi lấy chồng. Anh Hùng cho rằng con trai ở với bố mẹ nên được hưởng toàn bộ, còn hai chị muốn chia đều. Ai đúng?

## Giải đáp

Theo Điều 650 Bộ luật Dân sự năm 2015, thừa kế theo pháp luật được áp dụng khi không có di chúc. Điều 651 quy định hàng thừa kế thứ nhất gồm: vợ, chồng, cha đẻ, mẹ đẻ, cha nuôi, mẹ nuôi, con đẻ, con nuôi của người chết; những người thừa kế cùng hàng được hưởng phần di sản bằng nhau.

Như vậy, anh Hùng và hai chị gái đều là con đẻ, cùng ở hàng thừa kế thứ nhất, nên mỗi người được hưởng một phần bằng nhau, không phân biệt con trai hay con gái, đã lấy chồng hay chưa. Việc anh Hùng sống cùng, chăm sóc bố mẹ là điều đáng quý, các anh chị em có thể thỏa thuận để anh được nhận phần nhiều hơn hoặc nhận bằng hiện vật, nhưng đó là thỏa thuận tự nguyện chứ không phải quyền đương nhiên.

## Cần lưu ý

- Các đồng thừa kế có thể lập văn bản thỏa thuận phân chia di sản tại tổ chức hành nghề công chứng, sau đó làm thủ tục đăng ký biến động đất đai.
- Thời hiệu để người thừa kế yêu cầu chia di sản là 30 năm đối với bất động sản, kể từ thời điểm mở thừa kế (Điều 623 Bộ luật Dân sự).
- Nếu không thỏa thuận được, các bên có thể đề nghị tổ hòa giải ở cơ sở hỗ trợ trước khi khởi kiện ra Tòa án.""",
    },
    {
        "slug": "ly-hon-con-duoi-36-thang-tuoi-ai-nuoi",
        "title": "Ly hôn khi con chưa đủ 36 tháng tuổi, ai được trực tiếp nuôi con?",
        "date": "2026-11-04",
        "summary": "Con dưới 36 tháng tuổi được giao cho mẹ trực tiếp nuôi, trừ trường hợp người mẹ không đủ điều "
        "kiện hoặc cha mẹ có thỏa thuận khác phù hợp với lợi ích của con.",
        "tags": ["Hôn nhân và gia đình", "Ly hôn"],
        "source": "Ban biên tập",
        "image": "gia-dinh",
        "body": """## Tình huống

Chị Lan và anh Tuấn chuẩn bị ly hôn. Con chung của hai người mới 20 tháng tuổi. Anh Tuấn cho rằng mình có thu nhập cao hơn nên muốn giành quyền nuôi con. Pháp luật quy định thế nào?

## Giải đáp

Khoản 2 Điều 81 Luật Hôn nhân và gia đình năm 2014 quy định: vợ, chồng thỏa thuận về người trực tiếp nuôi con; trường hợp không thỏa thuận được thì Tòa án quyết định giao con cho một bên trực tiếp nuôi căn cứ vào quyền lợi về mọi mặt của con. Con dưới 36 tháng tuổi được giao cho mẹ trực tiếp nuôi, trừ trường hợp người mẹ không đủ điều kiện để trực tiếp trông nom, chăm sóc, nuôi dưỡng, giáo dục con hoặc cha mẹ có thỏa thuận khác phù hợp với lợi ích của con.

Như vậy, thu nhập cao hơn không phải là lý do để anh Tuấn đương nhiên được nuôi con. Nếu chị Lan đủ điều kiện chăm sóc con, Tòa án sẽ giao con cho chị trực tiếp nuôi.

## Quyền và nghĩa vụ của người không trực tiếp nuôi con

Theo Điều 82 của Luật, anh Tuấn có nghĩa vụ cấp dưỡng cho con và có quyền thăm nom con mà không ai được cản trở. Mức cấp dưỡng do hai bên thỏa thuận, căn cứ vào thu nhập, khả năng thực tế của người cấp dưỡng và nhu cầu thiết yếu của con; nếu không thỏa thuận được thì Tòa án quyết định.""",
    },
    {
        "slug": "uong-ruou-bia-roi-dieu-khien-xe-may",
        "title": "Uống một cốc bia rồi đi xe máy về nhà có bị xử phạt?",
        "date": "2026-10-21",
        "summary": "Luật Trật tự, an toàn giao thông đường bộ năm 2024 nghiêm cấm điều khiển phương tiện khi trong "
        "máu hoặc hơi thở có nồng độ cồn, dù chỉ uống một lượng nhỏ.",
        "tags": ["An toàn giao thông", "Nồng độ cồn", "Xử phạt hành chính"],
        "source": "Ban biên tập",
        "image": "giao-thong",
        "body": """## Tình huống

Sau đám cưới ở thôn bên, ông Bình uống một cốc bia rồi đi xe máy về nhà, quãng đường chỉ khoảng 2 km. Ông cho rằng uống ít, không say thì không sao. Ông Bình có vi phạm pháp luật không?

## Giải đáp

Khoản 2 Điều 9 Luật Trật tự, an toàn giao thông đường bộ năm 2024 nghiêm cấm hành vi điều khiển phương tiện tham gia giao thông đường bộ mà trong máu hoặc hơi thở có nồng độ cồn. Luật không đặt ra “ngưỡng cho phép”: chỉ cần kiểm tra phát hiện có nồng độ cồn là đã vi phạm, không phụ thuộc người lái có say hay không, đi xa hay gần.

Mức xử phạt được quy định tại Nghị định số 168/2024/NĐ-CP, tăng dần theo nồng độ cồn đo được. Với người điều khiển xe mô tô, xe gắn máy, ngoài phạt tiền còn bị trừ điểm giấy phép lái xe; ở mức cao nhất có thể bị tước quyền sử dụng giấy phép lái xe.

> Đã uống rượu, bia thì không lái xe. -- Khuyến cáo của lực lượng Cảnh sát giao thông

## Lời khuyên

Khi dự tiệc có rượu, bia, hãy nhờ người thân đón hoặc dùng xe dịch vụ. Chủ nhà cũng nên nhắc khách không lái xe sau khi uống rượu, bia.""",
    },
    {
        "slug": "mua-dat-bang-giay-viet-tay-co-duoc-cong-nhan",
        "title": "Mua đất bằng giấy viết tay, có được cấp giấy chứng nhận không?",
        "date": "2026-09-24",
        "summary": "Hợp đồng chuyển nhượng quyền sử dụng đất phải được công chứng hoặc chứng thực; tuy vậy, Luật Đất "
        "đai năm 2024 và văn bản hướng dẫn có quy định riêng cho người đã nhận chuyển nhượng nhưng chưa làm thủ tục.",
        "tags": ["Đất đai", "Hợp đồng"],
        "source": "Ban biên tập",
        "image": "dat-dai",
        "body": """## Tình huống

Năm 2012, ông Sơn mua của ông Hải một mảnh đất 120 m², hai bên chỉ viết giấy tay có người làm chứng, chưa sang tên. Nay ông Sơn muốn làm giấy chứng nhận thì ông Hải đã chuyển đi nơi khác. Ông Sơn phải làm gì?

## Giải đáp

Điểm a khoản 3 Điều 27 Luật Đất đai năm 2024 quy định hợp đồng chuyển nhượng, tặng cho, thế chấp, góp vốn bằng quyền sử dụng đất phải được công chứng hoặc chứng thực, trừ một số trường hợp luật quy định. Vì vậy, từ nay mua bán đất bằng giấy viết tay là không đúng hình thức và tiềm ẩn nhiều rủi ro.

Đối với các giao dịch đã xảy ra trước đây, Luật Đất đai năm 2024 và các nghị định hướng dẫn có quy định về việc đăng ký, cấp giấy chứng nhận cho người đang sử dụng đất do nhận chuyển quyền sử dụng đất mà chưa làm thủ tục chuyển quyền. Tùy thời điểm nhận chuyển nhượng, nguồn gốc thửa đất và giấy tờ hiện có, người nhận chuyển nhượng nộp hồ sơ kèm giấy tờ về việc chuyển quyền có chữ ký của các bên; cơ quan đăng ký đất đai sẽ kiểm tra, niêm yết công khai trước khi giải quyết.

## Lời khuyên

Ông Sơn nên mang toàn bộ giấy tờ đến bộ phận một cửa của Ủy ban nhân dân xã để được hướng dẫn hồ sơ cụ thể. Với các giao dịch mới, người dân cần làm hợp đồng tại tổ chức hành nghề công chứng hoặc chứng thực tại Ủy ban nhân dân cấp xã và đăng ký biến động đất đai theo quy định.""",
    },
    {
        "slug": "nghi-viec-phai-bao-truoc-bao-nhieu-ngay",
        "title": "Muốn nghỉ việc, người lao động phải báo trước bao nhiêu ngày?",
        "date": "2026-08-20",
        "summary": "Thời hạn báo trước khi người lao động đơn phương chấm dứt hợp đồng phụ thuộc loại hợp đồng lao "
        "động; một số trường hợp được nghỉ ngay không cần báo trước.",
        "tags": ["Lao động", "Hợp đồng lao động"],
        "source": "Ban biên tập",
        "image": "lao-dong",
        "body": """## Tình huống

Chị Mai làm công nhân tại một công ty trong khu công nghiệp theo hợp đồng lao động không xác định thời hạn. Chị muốn nghỉ việc để về quê chăm mẹ ốm. Chị cần báo trước cho công ty bao lâu?

## Giải đáp

Theo khoản 1 Điều 35 Bộ luật Lao động năm 2019, người lao động có quyền đơn phương chấm dứt hợp đồng lao động nhưng phải báo trước cho người sử dụng lao động:

| Loại hợp đồng | Thời hạn báo trước |
| Hợp đồng không xác định thời hạn | Ít nhất 45 ngày |
| Hợp đồng xác định thời hạn từ 12 đến 36 tháng | Ít nhất 30 ngày |
| Hợp đồng xác định thời hạn dưới 12 tháng | Ít nhất 03 ngày làm việc |

Như vậy, chị Mai phải báo trước ít nhất 45 ngày. Một số ngành, nghề đặc thù có thời hạn báo trước riêng theo quy định của Chính phủ.

## Trường hợp không cần báo trước

Khoản 2 Điều 35 cho phép người lao động nghỉ không cần báo trước trong một số trường hợp, như không được bố trí đúng công việc, địa điểm làm việc đã thỏa thuận; không được trả đủ lương hoặc trả lương không đúng hạn; bị ngược đãi, quấy rối tình dục tại nơi làm việc.

Nếu nghỉ việc mà không báo trước đúng thời hạn, người lao động phải bồi thường cho người sử dụng lao động một khoản tiền tương ứng với tiền lương trong những ngày không báo trước và không được trợ cấp thôi việc.""",
    },
    {
        "slug": "tre-em-co-phai-lam-the-can-cuoc",
        "title": "Con dưới 14 tuổi có phải làm thẻ căn cước không?",
        "date": "2026-07-30",
        "summary": "Theo Luật Căn cước năm 2023, công dân dưới 14 tuổi được cấp thẻ căn cước nếu có nhu cầu; từ đủ "
        "14 tuổi thì bắt buộc phải làm thủ tục cấp thẻ.",
        "tags": ["Căn cước", "Thủ tục hành chính", "Trẻ em"],
        "source": "Ban biên tập",
        "image": "chuyen-doi-so",
        "body": """## Tình huống

Gia đình chị Hoa chuẩn bị cho con 10 tuổi đi du lịch bằng máy bay. Chị thắc mắc con có bắt buộc phải làm thẻ căn cước không, và nếu làm thì thủ tục thế nào.

## Giải đáp

Điều 19 Luật Căn cước năm 2023 quy định người được cấp thẻ căn cước là công dân Việt Nam. Công dân từ đủ 14 tuổi trở lên phải thực hiện thủ tục cấp thẻ căn cước; công dân dưới 14 tuổi được cấp thẻ căn cước theo nhu cầu.

Như vậy, con chị Hoa không bắt buộc phải có thẻ căn cước, nhưng nếu gia đình có nhu cầu thì có thể làm. Đối với trẻ dưới 6 tuổi, thủ tục được thực hiện thông qua cổng dịch vụ công hoặc ứng dụng định danh quốc gia mà không thu nhận đặc điểm nhân dạng, sinh trắc học; trẻ từ đủ 6 tuổi đến dưới 14 tuổi cùng người đại diện hợp pháp đến cơ quan quản lý căn cước để thu nhận thông tin.

## Khi nào phải đổi thẻ?

Theo Điều 21 Luật Căn cước, công dân phải làm thủ tục cấp đổi thẻ khi đủ 14 tuổi, 25 tuổi, 40 tuổi và 60 tuổi. Thẻ đã cấp hoặc đổi trong thời hạn 02 năm trước các độ tuổi này vẫn có giá trị đến độ tuổi cấp đổi tiếp theo.""",
    },
    {
        "slug": "hang-xom-xay-nha-lan-sang-dat",
        "title": "Hàng xóm xây nhà lấn sang đất nhà mình, giải quyết thế nào?",
        "date": "2026-06-17",
        "summary": "Tranh chấp ranh giới đất giữa những người hàng xóm nên được hòa giải ở cơ sở trước; tranh chấp "
        "đất đai phải qua hòa giải tại Ủy ban nhân dân cấp xã trước khi khởi kiện.",
        "tags": ["Đất đai", "Hòa giải ở cơ sở", "Quan hệ láng giềng"],
        "source": "Ban biên tập",
        "image": "hoa-giai",
        "body": """## Tình huống

Nhà ông Thắng và nhà bà Nga ở cạnh nhau hơn 20 năm. Khi bà Nga xây lại nhà, ông Thắng cho rằng móng nhà mới lấn sang đất nhà mình khoảng 30 cm. Hai bên to tiếng, không ai chịu ai. Ông Thắng nên làm gì?

## Giải đáp

Trước hết, hai bên có thể đề nghị tổ hòa giải ở thôn giúp đỡ. Theo Luật Hòa giải ở cơ sở năm 2013, tranh chấp phát sinh từ quan hệ dân sự như tranh chấp về quyền sử dụng đất thuộc phạm vi hòa giải ở cơ sở. Hòa giải viên sẽ cùng các bên xem giấy chứng nhận, bản đồ địa chính, hỏi ý kiến những người biết rõ nguồn gốc đất để các bên tự thỏa thuận.

Nếu không hòa giải được, Luật Đất đai năm 2024 quy định Nhà nước khuyến khích các bên tự hòa giải; trường hợp tranh chấp đất đai mà các bên không hòa giải được thì gửi đơn đến Ủy ban nhân dân cấp xã để hòa giải. Việc hòa giải tại Ủy ban nhân dân cấp xã là thủ tục bắt buộc trước khi khởi kiện tranh chấp đất đai tại Tòa án.

## Lưu ý về quyền của người sử dụng đất liền kề

Bộ luật Dân sự năm 2015 quy định chủ sở hữu phải tôn trọng ranh giới giữa các bất động sản, không được lấn, chiếm, thay đổi mốc giới ngăn cách. Khi xây dựng, chủ nhà phải tuân theo quy chuẩn xây dựng và bảo đảm an toàn cho công trình liền kề.""",
    },
    {
        "slug": "bi-chong-danh-phai-bao-cho-ai",
        "title": "Bị chồng đánh nhiều lần, người vợ cần báo cho ai?",
        "date": "2026-09-03",
        "summary": "Người bị bạo lực gia đình có quyền yêu cầu cơ quan có thẩm quyền bảo vệ, được hỗ trợ y tế, tư "
        "vấn tâm lý, pháp lý và bố trí nơi tạm lánh.",
        "tags": ["Phòng, chống bạo lực gia đình", "Gia đình"],
        "source": "Ban biên tập",
        "image": "gia-dinh",
        "body": """## Tình huống

Chị H. thường xuyên bị chồng chửi mắng, đánh đập mỗi khi anh uống rượu. Vì sợ mang tiếng và thương con, chị im lặng nhiều năm. Lần gần đây chị bị thương phải đi viện. Chị có thể làm gì để được bảo vệ?

## Giải đáp

Luật Phòng, chống bạo lực gia đình năm 2022 quy định người bị bạo lực gia đình có quyền yêu cầu cơ quan, tổ chức, người có thẩm quyền bảo vệ sức khỏe, tính mạng, nhân phẩm và quyền, lợi ích hợp pháp của mình; yêu cầu áp dụng biện pháp ngăn chặn, bảo vệ như cấm tiếp xúc; được cung cấp dịch vụ y tế, tư vấn tâm lý, trợ giúp pháp lý và bố trí nơi tạm lánh.

Chị H. có thể báo tin ngay cho công an xã, Ủy ban nhân dân xã, trưởng thôn hoặc địa chỉ tin cậy ở cộng đồng nơi gần nhất. Khi cần khẩn cấp, gọi số 113 hoặc Tổng đài quốc gia bảo vệ trẻ em 111 nếu có trẻ em bị ảnh hưởng. Thông tin của người báo tin được giữ bí mật.

## Người chồng có thể bị xử lý thế nào?

Tùy tính chất, mức độ, người có hành vi bạo lực gia đình có thể bị xử phạt vi phạm hành chính, bị áp dụng biện pháp cấm tiếp xúc, hoặc bị truy cứu trách nhiệm hình sự nếu gây thương tích đến mức cấu thành tội phạm. Hòa giải không áp dụng thay cho việc xử lý hành vi vi phạm pháp luật nghiêm trọng.""",
    },
    {
        "slug": "mua-hang-online-bi-giao-sai",
        "title": "Mua hàng trên mạng bị giao sai, người tiêu dùng được bảo vệ thế nào?",
        "date": "2026-05-28",
        "summary": "Luật Bảo vệ quyền lợi người tiêu dùng năm 2023 bổ sung nhiều quy định về giao dịch từ xa, trong đó "
        "người bán phải cung cấp đúng thông tin và giải quyết khiếu nại của người mua.",
        "tags": ["Người tiêu dùng", "Thương mại điện tử"],
        "source": "Ban biên tập",
        "image": "chuyen-doi-so",
        "body": """## Tình huống

Anh Khoa đặt mua một chiếc điện thoại qua trang bán hàng trên mạng xã hội, thanh toán trước 5 triệu đồng. Khi nhận hàng, máy không đúng mẫu đã đặt. Người bán không nghe điện thoại. Anh Khoa có thể làm gì?

## Giải đáp

Luật Bảo vệ quyền lợi người tiêu dùng năm 2023 quy định tổ chức, cá nhân kinh doanh trong giao dịch từ xa phải cung cấp thông tin chính xác, đầy đủ về hàng hóa, giá, phương thức thanh toán, giao hàng và điều kiện đổi trả. Người tiêu dùng có quyền yêu cầu đổi, trả hàng hoặc bồi thường khi hàng hóa không đúng như đã cam kết.

Anh Khoa nên giữ lại toàn bộ bằng chứng: tin nhắn đặt hàng, ảnh chụp trang bán hàng, biên lai chuyển khoản, video mở hộp. Sau đó gửi yêu cầu bằng văn bản hoặc tin nhắn cho người bán. Nếu người bán không giải quyết, anh có thể:

- Phản ánh với sàn giao dịch hoặc nền tảng mạng xã hội nơi người bán đăng tin.
- Đề nghị tổ chức xã hội tham gia bảo vệ quyền lợi người tiêu dùng hỗ trợ.
- Gửi đơn đến cơ quan quản lý nhà nước về bảo vệ quyền lợi người tiêu dùng hoặc khởi kiện tại Tòa án.

Nếu có dấu hiệu lừa đảo chiếm đoạt tài sản, anh Khoa cần trình báo ngay với cơ quan công an.""",
    },
    {
        "slug": "ket-hon-khi-chua-du-tuoi",
        "title": "Con gái 17 tuổi muốn lấy chồng, gia đình có được tổ chức cưới?",
        "date": "2026-04-16",
        "summary": "Nữ từ đủ 18 tuổi, nam từ đủ 20 tuổi mới đủ tuổi kết hôn; tổ chức cưới và chung sống như vợ "
        "chồng khi chưa đủ tuổi là tảo hôn, bị pháp luật nghiêm cấm.",
        "tags": ["Hôn nhân và gia đình", "Tảo hôn", "Trẻ em"],
        "source": "Ban biên tập",
        "image": "gia-dinh",
        "body": """## Tình huống

Con gái bà T. năm nay 17 tuổi, có bạn trai 21 tuổi. Hai bên gia đình muốn tổ chức đám cưới theo phong tục, đợi đủ tuổi sẽ đi đăng ký kết hôn. Làm như vậy có được không?

## Giải đáp

Điểm a khoản 1 Điều 8 Luật Hôn nhân và gia đình năm 2014 quy định nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên mới đủ điều kiện kết hôn. Lấy vợ, lấy chồng khi một bên hoặc cả hai bên chưa đủ tuổi kết hôn là tảo hôn, thuộc các hành vi bị cấm tại Điều 5 của Luật.

Như vậy, dù chỉ tổ chức cưới theo phong tục mà chưa đăng ký kết hôn, việc để con gái 17 tuổi về chung sống như vợ chồng vẫn là hành vi tảo hôn. Người tổ chức tảo hôn, người cố ý duy trì quan hệ vợ chồng trái pháp luật với người chưa đủ tuổi kết hôn có thể bị xử phạt vi phạm hành chính; trường hợp đã bị xử phạt mà còn vi phạm có thể bị truy cứu trách nhiệm hình sự.

## Lời khuyên

Gia đình nên để hai cháu đợi đến khi con gái đủ 18 tuổi, làm thủ tục đăng ký kết hôn tại Ủy ban nhân dân cấp xã rồi mới tổ chức cưới. Đăng ký kết hôn là điều kiện để quan hệ vợ chồng được pháp luật công nhận và bảo vệ.""",
    },
]
