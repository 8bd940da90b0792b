"""Demo Q&As: realistic citizen questions with official-style answers citing the demo laws.

Each entry: field of law, a fictional asker (name, phone, email — used by the privacy
tests to prove that personal data never reaches a public response), a public title, the
question, the answer and the cited articles as (document number, article number).
The askers and their details are invented; the cited articles are real and match the text.
"""

BLDS = "91/2015/QH13"
BLLD = "45/2019/QH14"
HNGD = "52/2014/QH13"
CU_TRU = "68/2020/QH14"
BLHS = "01/VBHN-VPQH"
MA_TUY = "73/2021/QH14"
MOI_TRUONG = "72/2020/QH14"
TIEP_CAN_TT = "104/2016/QH13"
CHAN_NUOI = "32/2018/QH14"

DEMO_QUESTIONS: list[dict] = [
    # --- Dân sự ---------------------------------------------------------------------------
    dict(
        field="Dân sự", name="Phạm Thị Liễu Xuyên", phone="0912740501", email="lieuxuyen.demo@example.vn",
        title="Cho vay tiền có được thỏa thuận lãi suất 5%/tháng không?",
        question="Tôi cho người quen vay 200 triệu đồng, hai bên viết giấy tay thỏa thuận lãi 5% một tháng. "
        "Nay người vay chỉ trả gốc, không chịu trả lãi và nói lãi đó là trái luật. Xin hỏi mức lãi như vậy có hợp pháp không?",
        answer="Theo khoản 1 Điều 468 Bộ luật Dân sự năm 2015, lãi suất vay do các bên thỏa thuận nhưng không được vượt "
        "quá 20%/năm của khoản tiền vay, trừ trường hợp luật khác có liên quan quy định khác. Mức 5%/tháng tương đương "
        "60%/năm, vượt mức giới hạn nên phần lãi vượt quá không có hiệu lực.\n"
        "Như vậy, bên vay vẫn phải trả lãi nhưng chỉ trong giới hạn 20%/năm tính trên số tiền và thời gian vay thực tế. "
        "Nghĩa vụ trả nợ của bên vay được quy định tại Điều 466; nếu không tự thỏa thuận được, ông/bà có thể khởi kiện "
        "tại Tòa án nhân dân có thẩm quyền nơi bên vay cư trú.",
        citations=[(BLDS, 468), (BLDS, 466)],
    ),
    dict(
        field="Dân sự", name="Đinh Công Thướng", phone="0987311402", email="congthuong.demo@example.vn",
        title="Người vay chậm trả tiền thì có phải trả thêm lãi?",
        question="Anh hàng xóm vay tôi 50 triệu, hẹn trả sau 6 tháng, không tính lãi. Đến nay đã quá hạn gần một năm "
        "mà anh ấy vẫn khất. Tôi có quyền đòi thêm tiền lãi do trả chậm không?",
        answer="Khoản 1 Điều 357 Bộ luật Dân sự năm 2015 quy định trường hợp bên có nghĩa vụ chậm trả tiền thì bên đó "
        "phải trả lãi đối với số tiền chậm trả tương ứng với thời gian chậm trả. Theo khoản 4 Điều 466, trường hợp vay "
        "không có lãi mà khi đến hạn bên vay không trả nợ hoặc trả không đầy đủ thì bên cho vay có quyền yêu cầu trả "
        "lãi với mức lãi suất theo khoản 2 Điều 468 (50% mức lãi suất giới hạn, tức 10%/năm) trên số tiền chậm trả.\n"
        "Ông/bà nên gửi văn bản yêu cầu trả nợ, giữ giấy vay và các tin nhắn liên quan làm chứng cứ; nếu vẫn không "
        "được trả, có thể đề nghị hòa giải ở cơ sở hoặc khởi kiện tại Tòa án.",
        citations=[(BLDS, 357), (BLDS, 466), (BLDS, 468)],
    ),
    dict(
        field="Dân sự", name="Vi Thị Phượng Nhàn", phone="0356112903", email="phuongnhan.demo@example.vn",
        title="Bố mất không để lại di chúc thì ai được hưởng thừa kế?",
        question="Bố tôi mất năm ngoái, không để lại di chúc. Gia đình có mẹ tôi, ông nội còn sống và ba chị em tôi "
        "(hai người đã lấy chồng). Mảnh đất đứng tên bố tôi sẽ chia cho những ai?",
        answer="Theo Điều 650 Bộ luật Dân sự năm 2015, trường hợp không có di chúc thì di sản được chia theo pháp luật. "
        "Điều 651 xác định hàng thừa kế thứ nhất gồm: vợ, chồng, cha đẻ, mẹ đẻ, cha nuôi, mẹ nuôi, con đẻ, con nuôi của "
        "người chết; những người cùng hàng được hưởng phần di sản bằng nhau.\n"
        "Như vậy, phần di sản của bố bạn (nếu mảnh đất là tài sản chung của bố mẹ thì chỉ một nửa là di sản) được chia đều "
        "cho mẹ bạn, ông nội bạn và ba chị em bạn, không phân biệt con đã lập gia đình hay chưa. Các đồng thừa kế có thể "
        "lập văn bản thỏa thuận phân chia di sản tại tổ chức hành nghề công chứng.",
        citations=[(BLDS, 650), (BLDS, 651), (BLDS, 612)],
    ),
    dict(
        field="Dân sự", name="Lò Văn Khiêm", phone="0977250304", email="vankhiem.demo@example.vn",
        title="Thời hiệu yêu cầu chia di sản thừa kế là bao lâu?",
        question="Ông bà tôi mất từ năm 2000, để lại nhà đất nhưng các bác chưa chia. Bây giờ tôi muốn yêu cầu chia "
        "thì có còn thời hiệu không?",
        answer="Khoản 1 Điều 623 Bộ luật Dân sự năm 2015 quy định thời hiệu để người thừa kế yêu cầu chia di sản là "
        "30 năm đối với bất động sản, 10 năm đối với động sản, kể từ thời điểm mở thừa kế. Hết thời hạn này thì di sản "
        "thuộc về người thừa kế đang quản lý di sản đó.\n"
        "Với nhà đất mở thừa kế năm 2000, thời hiệu yêu cầu chia là 30 năm, tức đến năm 2030. Lưu ý chỉ người thừa kế "
        "của ông bà (theo hàng thừa kế tại Điều 651, hoặc thừa kế thế vị) mới có quyền yêu cầu.",
        citations=[(BLDS, 623), (BLDS, 651)],
    ),
    dict(
        field="Dân sự", name="Hà Thị Nguyệt Quế", phone="0868420605", email="nguyetque.demo@example.vn",
        title="Di chúc viết tay không công chứng có hợp pháp không?",
        question="Mẹ tôi tự viết tay di chúc để lại căn nhà cho tôi, có ký tên nhưng không công chứng, chứng thực. "
        "Các anh chị tôi nói di chúc không có giá trị. Xin hỏi như vậy có đúng không?",
        answer="Theo Điều 630 Bộ luật Dân sự năm 2015, di chúc hợp pháp khi người lập di chúc minh mẫn, sáng suốt, "
        "không bị lừa dối, đe dọa, cưỡng ép; nội dung không vi phạm điều cấm của luật, không trái đạo đức xã hội; hình "
        "thức không trái quy định của luật. Di chúc bằng văn bản không có công chứng, chứng thực vẫn được coi là hợp pháp "
        "nếu có đủ các điều kiện này.\n"
        "Di chúc do người lập tự tay viết và ký thì không bắt buộc có người làm chứng. Tuy nhiên, lưu ý Điều 644: một số "
        "người (như cha, mẹ, vợ, chồng, con chưa thành niên của người chết) vẫn được hưởng phần di sản bằng hai phần ba "
        "suất của một người thừa kế theo pháp luật dù không có tên trong di chúc.",
        citations=[(BLDS, 630), (BLDS, 644)],
    ),
    dict(
        field="Dân sự", name="Trịnh Văn Sửu", phone="0394001606", email="vansuu.demo@example.vn",
        title="Cây nhà hàng xóm chìa cành sang đất nhà tôi thì xử lý thế nào?",
        question="Nhà bên cạnh trồng cây xoài sát ranh giới, cành lan sang mái nhà tôi, lá rụng làm tắc máng nước. "
        "Tôi đã nhắc nhưng họ không cắt. Tôi có được tự cắt không?",
        answer="Điều 175 Bộ luật Dân sự năm 2015 quy định ranh giới giữa các bất động sản được xác định theo thỏa thuận "
        "hoặc theo quyết định của cơ quan nhà nước có thẩm quyền; người sử dụng đất được sử dụng không gian và lòng đất "
        "theo chiều thẳng đứng từ ranh giới thửa đất, không được làm ảnh hưởng đến việc sử dụng đất của người khác.\n"
        "Ông/bà nên trao đổi lại và đề nghị tổ hòa giải ở thôn, tổ dân phố hòa giải. Không nên tự ý chặt cây vì có thể phát "
        "sinh tranh chấp bồi thường; nếu cành cây gây thiệt hại, chủ sở hữu cây phải bồi thường theo Điều 584.",
        citations=[(BLDS, 175), (BLDS, 584)],
    ),
    dict(
        field="Dân sự", name="Mạc Thị Thu Hường", phone="0938775207", email="thuhuong.demo@example.vn",
        title="Chó nhà hàng xóm cắn người thì ai bồi thường?",
        question="Con tôi 8 tuổi bị chó nhà hàng xóm thả rông cắn phải tiêm phòng dại và khâu vết thương. Gia đình "
        "họ có phải chịu chi phí chữa trị không?",
        answer="Theo khoản 1 Điều 603 Bộ luật Dân sự năm 2015, chủ sở hữu súc vật phải bồi thường thiệt hại do súc vật "
        "gây ra cho người khác. Thiệt hại về sức khỏe được bồi thường toàn bộ và kịp thời theo nguyên tắc tại Điều 585, "
        "gồm chi phí cứu chữa, bồi dưỡng, phục hồi sức khỏe và thu nhập bị mất của người chăm sóc.\n"
        "Gia đình bạn nên giữ hóa đơn, sổ tiêm chủng, giấy ra viện làm căn cứ; trước hết thương lượng hoặc nhờ hòa giải "
        "viên ở cơ sở, nếu không thành có thể khởi kiện tại Tòa án.",
        citations=[(BLDS, 603), (BLDS, 585)],
    ),
    dict(
        field="Dân sự", name="Cao Văn Lũy", phone="0826330908", email="vanluy.demo@example.vn",
        title="Mua đất bằng giấy viết tay có được công nhận không?",
        question="Năm 2016 tôi mua một mảnh đất của người cùng xóm, chỉ viết giấy tay, đã trả đủ tiền và làm nhà ở. "
        "Nay người bán đòi lại đất vì cho rằng giấy tay không có giá trị. Tôi phải làm gì?",
        answer="Điều 502 Bộ luật Dân sự năm 2015 quy định hợp đồng về quyền sử dụng đất phải được lập thành văn bản theo "
        "hình thức phù hợp với quy định của Bộ luật này và pháp luật về đất đai (công chứng hoặc chứng thực). Tuy nhiên, "
        "khoản 2 Điều 129 quy định giao dịch đã được xác lập bằng văn bản nhưng vi phạm quy định về công chứng, chứng "
        "thực mà một bên hoặc các bên đã thực hiện ít nhất hai phần ba nghĩa vụ thì theo yêu cầu của một bên, Tòa án ra "
        "quyết định công nhận hiệu lực của giao dịch.\n"
        "Ông/bà đã trả đủ tiền và nhận đất, vì vậy có thể yêu cầu Tòa án công nhận hợp đồng. Thời hiệu khởi kiện về hợp "
        "đồng theo Điều 429 là 03 năm kể từ ngày biết quyền, lợi ích hợp pháp bị xâm phạm.",
        citations=[(BLDS, 502), (BLDS, 129), (BLDS, 429)],
    ),
    # --- Lao động -------------------------------------------------------------------------
    dict(
        field="Lao động", name="Nông Thị Hảo Duyên", phone="0915662109", email="haoduyen.demo@example.vn",
        title="Muốn nghỉ việc thì phải báo trước bao nhiêu ngày?",
        question="Tôi làm công nhân may, hợp đồng lao động không xác định thời hạn. Tôi muốn nghỉ để về quê thì phải "
        "báo trước cho công ty bao lâu để không vi phạm?",
        answer="Theo khoản 1 Điều 35 Bộ luật Lao động năm 2019, người lao động có quyền đơn phương chấm dứt hợp đồng lao "
        "động nhưng phải báo trước cho người sử dụng lao động: ít nhất 45 ngày nếu làm việc theo hợp đồng không xác định "
        "thời hạn; ít nhất 30 ngày nếu hợp đồng xác định thời hạn từ 12 tháng đến 36 tháng; ít nhất 03 ngày làm việc nếu "
        "hợp đồng xác định thời hạn dưới 12 tháng.\n"
        "Bạn làm hợp đồng không xác định thời hạn nên cần báo trước ít nhất 45 ngày. Trong 14 ngày làm việc kể từ ngày "
        "chấm dứt hợp đồng, công ty phải thanh toán đầy đủ các khoản liên quan đến quyền lợi của bạn (Điều 48).",
        citations=[(BLLD, 35), (BLLD, 48)],
    ),
    dict(
        field="Lao động", name="Quàng Văn Chiến", phone="0869550110", email="vanchien.demo@example.vn",
        title="Thử việc được trả bao nhiêu lương và kéo dài tối đa bao lâu?",
        question="Tôi tốt nghiệp trung cấp điện, được nhận vào làm thợ điện. Công ty bắt thử việc 3 tháng với mức lương "
        "bằng 70% lương chính thức. Như vậy có đúng luật không?",
        answer="Điều 25 Bộ luật Lao động năm 2019 quy định thời gian thử việc chỉ được thử việc một lần đối với một công "
        "việc và không quá 30 ngày đối với công việc yêu cầu trình độ chuyên môn, kỹ thuật trung cấp, công nhân kỹ thuật, "
        "nhân viên nghiệp vụ. Điều 26 quy định tiền lương thử việc do hai bên thỏa thuận nhưng ít nhất phải bằng 85% mức "
        "lương của công việc đó.\n"
        "Như vậy, thời gian thử việc 3 tháng và mức lương 70% đều không đúng quy định. Bạn có thể đề nghị công ty điều "
        "chỉnh hoặc phản ánh tới Thanh tra Sở Nội vụ (cơ quan quản lý nhà nước về lao động ở địa phương).",
        citations=[(BLLD, 25), (BLLD, 26)],
    ),
    dict(
        field="Lao động", name="Lục Thị Mai Sương", phone="0344887711", email="maisuong.demo@example.vn",
        title="Lao động nữ được nghỉ thai sản bao lâu?",
        question="Tôi đang mang thai con thứ hai, dự sinh tháng sau. Tôi được nghỉ thai sản bao nhiêu tháng, có được "
        "nghỉ trước khi sinh không? Công ty có được cho tôi nghỉ việc vì lý do mang thai không?",
        answer="Khoản 1 Điều 139 Bộ luật Lao động năm 2019 quy định lao động nữ được nghỉ trước và sau khi sinh con là "
        "06 tháng; thời gian nghỉ trước khi sinh không quá 02 tháng. Trường hợp sinh đôi trở lên thì từ con thứ 02 trở đi, "
        "cứ mỗi con được nghỉ thêm 01 tháng.\n"
        "Theo khoản 3 Điều 137, người sử dụng lao động không được sa thải hoặc đơn phương chấm dứt hợp đồng lao động đối "
        "với người lao động vì lý do kết hôn, mang thai, nghỉ thai sản, nuôi con dưới 12 tháng tuổi (trừ trường hợp doanh "
        "nghiệp chấm dứt hoạt động).",
        citations=[(BLLD, 139), (BLLD, 137)],
    ),
    dict(
        field="Lao động", name="Triệu Văn Đoàn", phone="0896124412", email="vandoan.demo@example.vn",
        title="Làm thêm giờ vào ngày nghỉ hằng tuần được trả lương thế nào?",
        question="Xưởng tôi thường yêu cầu làm thêm vào Chủ nhật nhưng chỉ trả lương như ngày thường. Theo luật, làm "
        "thêm vào ngày nghỉ được tính lương bao nhiêu? Mỗi tháng được làm thêm tối đa bao nhiêu giờ?",
        answer="Theo khoản 1 Điều 98 Bộ luật Lao động năm 2019, người lao động làm thêm giờ được trả lương ít nhất bằng "
        "150% vào ngày thường, 200% vào ngày nghỉ hằng tuần, 300% vào ngày nghỉ lễ, tết, ngày nghỉ có hưởng lương (chưa "
        "kể tiền lương ngày lễ, tết).\n"
        "Điều 107 quy định việc làm thêm giờ phải được người lao động đồng ý, số giờ làm thêm không quá 50% số giờ làm "
        "việc bình thường trong 01 ngày, không quá 40 giờ trong 01 tháng và không quá 200 giờ trong 01 năm (trừ một số "
        "ngành, nghề được làm đến 300 giờ).",
        citations=[(BLLD, 98), (BLLD, 107)],
    ),
    dict(
        field="Lao động", name="Hoàng Thị Bích Lựu", phone="0763004513", email="bichluu.demo@example.vn",
        title="Nghỉ việc có được trợ cấp thôi việc không?",
        question="Tôi làm cho một công ty 5 năm, có đóng bảo hiểm thất nghiệp từ năm thứ hai. Nay tôi nghỉ việc đúng "
        "luật thì có được trợ cấp thôi việc không và tính thế nào?",
        answer="Điều 46 Bộ luật Lao động năm 2019 quy định người sử dụng lao động trả trợ cấp thôi việc cho người lao động "
        "đã làm việc thường xuyên từ đủ 12 tháng trở lên, mỗi năm làm việc được trợ cấp một nửa tháng tiền lương. Thời gian "
        "làm việc để tính trợ cấp là tổng thời gian thực tế làm việc trừ đi thời gian đã tham gia bảo hiểm thất nghiệp.\n"
        "Trường hợp của bạn, thời gian tính trợ cấp thôi việc là khoảng 01 năm chưa đóng bảo hiểm thất nghiệp; thời gian "
        "còn lại được giải quyết theo chế độ bảo hiểm thất nghiệp. Tiền lương tính trợ cấp là tiền lương bình quân của 06 "
        "tháng liền kề trước khi nghỉ việc.",
        citations=[(BLLD, 46)],
    ),
    dict(
        field="Lao động", name="Lý Văn Pháo", phone="0582119914", email="vanphao.demo@example.vn",
        title="Công ty chậm trả lương thì người lao động làm gì?",
        question="Công ty tôi đã hai tháng chưa trả lương, chỉ hứa hẹn. Tôi có được nghỉ việc ngay mà không cần báo "
        "trước không? Công ty có phải trả thêm tiền vì chậm lương không?",
        answer="Điều 97 Bộ luật Lao động năm 2019 quy định trường hợp vì lý do bất khả kháng mà đã tìm mọi biện pháp "
        "nhưng không thể trả lương đúng hạn thì không được chậm quá 30 ngày; nếu trả lương chậm từ 15 ngày trở lên thì "
        "phải đền bù cho người lao động một khoản tiền ít nhất bằng số tiền lãi của số tiền trả chậm tính theo lãi suất "
        "huy động tiền gửi có kỳ hạn 01 tháng.\n"
        "Theo điểm b khoản 2 Điều 35, người lao động có quyền đơn phương chấm dứt hợp đồng không cần báo trước khi không "
        "được trả đủ lương hoặc trả lương không đúng thời hạn (trừ trường hợp bất khả kháng nêu trên).",
        citations=[(BLLD, 97), (BLLD, 35)],
    ),
    dict(
        field="Lao động", name="Vàng Thị Sểnh", phone="0911450215", email="vangsenh.demo@example.vn",
        title="Người lao động được nghỉ phép năm bao nhiêu ngày?",
        question="Tôi làm văn phòng cho một doanh nghiệp tư nhân được 3 năm. Mỗi năm tôi được nghỉ phép bao nhiêu ngày "
        "có lương? Nếu nghỉ việc mà chưa nghỉ hết phép thì sao?",
        answer="Khoản 1 Điều 113 Bộ luật Lao động năm 2019 quy định người lao động làm việc đủ 12 tháng cho một người sử "
        "dụng lao động được nghỉ hằng năm, hưởng nguyên lương: 12 ngày làm việc đối với người làm công việc trong điều "
        "kiện bình thường; 14 ngày đối với người chưa thành niên, người khuyết tật, người làm nghề nặng nhọc, độc hại; "
        "16 ngày đối với nghề đặc biệt nặng nhọc, độc hại. Cứ đủ 05 năm làm việc thì được nghỉ thêm 01 ngày (Điều 114).\n"
        "Theo khoản 3 Điều 113, người lao động thôi việc mà chưa nghỉ hằng năm hoặc chưa nghỉ hết số ngày thì được người "
        "sử dụng lao động thanh toán tiền lương cho những ngày chưa nghỉ.",
        citations=[(BLLD, 113)],
    ),
    dict(
        field="Lao động", name="Đàm Văn Tuyển", phone="0988660816", email="vantuyen.demo@example.vn",
        title="Tuổi nghỉ hưu năm 2026 của người lao động là bao nhiêu?",
        question="Tôi là nam, sinh tháng 3 năm 1966, làm việc trong điều kiện bình thường. Xin hỏi khi nào tôi đủ tuổi "
        "nghỉ hưu?",
        answer="Theo khoản 2 Điều 169 Bộ luật Lao động năm 2019, tuổi nghỉ hưu của người lao động trong điều kiện lao động "
        "bình thường được điều chỉnh theo lộ trình cho đến khi đủ 62 tuổi đối với lao động nam vào năm 2028. Kể từ năm 2021, "
        "tuổi nghỉ hưu của lao động nam là đủ 60 tuổi 03 tháng và cứ mỗi năm tăng thêm 03 tháng.\n"
        "Theo lộ trình này, lao động nam sinh tháng 3/1966 nghỉ hưu khi đủ 61 tuổi 03 tháng, tức từ tháng 7/2027. Ông nên "
        "liên hệ cơ quan bảo hiểm xã hội nơi đóng bảo hiểm để được hướng dẫn hồ sơ hưởng lương hưu.",
        citations=[(BLLD, 169)],
    ),
    # --- Hôn nhân và gia đình ---------------------------------------------------------------
    dict(
        field="Hôn nhân và gia đình", name="Bế Thị Ngọc Trâm", phone="0358213317", email="ngoctram.demo@example.vn",
        title="Con gái 17 tuổi có được đăng ký kết hôn không?",
        question="Con gái tôi 17 tuổi 6 tháng, muốn cưới người yêu 22 tuổi. Gia đình hai bên đồng ý. Xin hỏi cháu đã "
        "được đăng ký kết hôn chưa?",
        answer="Điểm a khoản 1 Điều 8 Luật Hôn nhân và gia đình năm 2014 quy định nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 "
        "tuổi trở lên mới được kết hôn. Việc kết hôn phải được đăng ký tại cơ quan nhà nước có thẩm quyền (Điều 9); kết hôn "
        "khi chưa đủ tuổi là tảo hôn, bị cấm.\n"
        "Con gái ông/bà chưa đủ 18 tuổi nên chưa được đăng ký kết hôn, kể cả khi gia đình đồng ý. Gia đình nên chờ đến khi "
        "cháu đủ 18 tuổi (tính đủ ngày, tháng, năm sinh) rồi đến Ủy ban nhân dân cấp xã nơi cư trú của một trong hai bên để "
        "đăng ký.",
        citations=[(HNGD, 8), (HNGD, 9)],
    ),
    dict(
        field="Hôn nhân và gia đình", name="Tòng Văn Lả", phone="0399127818", email="vanla.demo@example.vn",
        title="Sống chung không đăng ký kết hôn, khi chia tay tài sản chia thế nào?",
        question="Tôi và cô ấy chung sống 5 năm, có một con nhưng không đăng ký kết hôn. Nay chia tay, tài sản chung là "
        "một chiếc ô tô và khoản tiết kiệm. Con và tài sản được giải quyết thế nào?",
        answer="Theo khoản 1 Điều 14 Luật Hôn nhân và gia đình năm 2014, nam, nữ có đủ điều kiện kết hôn chung sống với "
        "nhau như vợ chồng mà không đăng ký kết hôn thì không phát sinh quyền, nghĩa vụ giữa vợ và chồng. Quyền, nghĩa vụ "
        "đối với con được giải quyết như đối với cha mẹ và con; quan hệ tài sản được giải quyết theo thỏa thuận, nếu không "
        "có thỏa thuận thì theo pháp luật dân sự, có tính đến công sức đóng góp của mỗi bên (Điều 16).\n"
        "Về con chung, ông vẫn có nghĩa vụ cấp dưỡng nếu không trực tiếp nuôi con theo Điều 110 và Điều 82.",
        citations=[(HNGD, 14), (HNGD, 110), (HNGD, 82)],
    ),
    dict(
        field="Hôn nhân và gia đình", name="Nguyễn Hồ Diệp Anh", phone="0707331419", email="diepanh.demo@example.vn",
        title="Đất được bố mẹ cho riêng sau khi cưới có phải tài sản chung?",
        question="Sau khi kết hôn, bố mẹ đẻ tôi làm hợp đồng tặng cho riêng tôi một thửa đất. Nay vợ chồng tôi ly hôn, "
        "chồng tôi đòi chia đôi thửa đất đó. Tôi có phải chia không?",
        answer="Khoản 1 Điều 43 Luật Hôn nhân và gia đình năm 2014 quy định tài sản riêng của vợ, chồng gồm tài sản mỗi "
        "người có trước khi kết hôn; tài sản được thừa kế riêng, được tặng cho riêng trong thời kỳ hôn nhân. Khoản 1 Điều 33 "
        "cũng loại trừ quyền sử dụng đất được tặng cho riêng khỏi tài sản chung.\n"
        "Thửa đất bố mẹ tặng cho riêng bà (thể hiện trong hợp đồng tặng cho) là tài sản riêng, không bị chia khi ly hôn, trừ "
        "khi bà đã tự nguyện nhập vào tài sản chung. Nếu có tranh chấp, bà cần chứng minh bằng hợp đồng tặng cho và giấy "
        "chứng nhận quyền sử dụng đất.",
        citations=[(HNGD, 43), (HNGD, 33)],
    ),
    dict(
        field="Hôn nhân và gia đình", name="Sầm Thị Huyền Trang", phone="0345900620", email="huyentrang.demo@example.vn",
        title="Ly hôn thì con dưới 3 tuổi ở với ai?",
        question="Tôi chuẩn bị ly hôn, con trai tôi 2 tuổi. Chồng tôi nói sẽ giành quyền nuôi con vì thu nhập cao hơn. "
        "Tôi có được trực tiếp nuôi con không?",
        answer="Khoản 3 Điều 81 Luật Hôn nhân và gia đình năm 2014 quy định con dưới 36 tháng tuổi được giao cho mẹ trực "
        "tiếp nuôi, trừ trường hợp người mẹ không đủ điều kiện để trực tiếp trông nom, chăm sóc, nuôi dưỡng, giáo dục con "
        "hoặc cha mẹ có thỏa thuận khác phù hợp với lợi ích của con.\n"
        "Người không trực tiếp nuôi con có nghĩa vụ cấp dưỡng và có quyền thăm nom con, không ai được cản trở (Điều 82). "
        "Sau này, nếu người trực tiếp nuôi không còn đủ điều kiện, có thể yêu cầu Tòa án thay đổi người trực tiếp nuôi con "
        "theo Điều 84.",
        citations=[(HNGD, 81), (HNGD, 82), (HNGD, 84)],
    ),
    dict(
        field="Hôn nhân và gia đình", name="Mông Văn Thiện", phone="0978142521", email="vanthien.demo@example.vn",
        title="Vợ đang nuôi con nhỏ, chồng có được đơn phương ly hôn không?",
        question="Vợ chồng tôi mâu thuẫn kéo dài, vợ tôi vừa sinh con được 5 tháng. Tôi muốn nộp đơn ly hôn đơn phương "
        "thì Tòa án có thụ lý không?",
        answer="Khoản 3 Điều 51 Luật Hôn nhân và gia đình năm 2014 quy định chồng không có quyền yêu cầu ly hôn trong "
        "trường hợp vợ đang có thai, sinh con hoặc đang nuôi con dưới 12 tháng tuổi. Quy định này nhằm bảo vệ người mẹ và "
        "trẻ nhỏ.\n"
        "Vì vậy, khi con ông chưa đủ 12 tháng tuổi, Tòa án sẽ không thụ lý đơn ly hôn do ông đơn phương yêu cầu; người vợ "
        "thì vẫn có quyền yêu cầu. Sau thời điểm này, việc ly hôn theo yêu cầu một bên được giải quyết theo Điều 56.",
        citations=[(HNGD, 51), (HNGD, 56)],
    ),
    dict(
        field="Hôn nhân và gia đình", name="La Thị Kim Oanh", phone="0833217722", email="kimoanh.demo@example.vn",
        title="Mức cấp dưỡng nuôi con sau ly hôn được tính thế nào?",
        question="Tôi nuôi con sau ly hôn, chồng cũ chỉ gửi 500 nghìn đồng mỗi tháng, không đủ cho cháu đi học. Tôi có "
        "thể yêu cầu tăng mức cấp dưỡng không?",
        answer="Điều 116 Luật Hôn nhân và gia đình năm 2014 quy định mức cấp dưỡng do người có nghĩa vụ cấp dưỡng và người "
        "được cấp dưỡng thỏa thuận căn cứ vào thu nhập, khả năng thực tế của người có nghĩa vụ và nhu cầu thiết yếu của người "
        "được cấp dưỡng; nếu không thỏa thuận được thì yêu cầu Tòa án giải quyết. Khi có lý do chính đáng, mức cấp dưỡng có "
        "thể thay đổi.\n"
        "Cha, mẹ có nghĩa vụ cấp dưỡng cho con chưa thành niên trong trường hợp không sống chung với con (Điều 110). Bà có "
        "thể thương lượng lại với chồng cũ; nếu không thành, nộp đơn yêu cầu Tòa án thay đổi mức cấp dưỡng kèm chứng cứ về "
        "chi phí học tập, sinh hoạt của con và thu nhập của người cấp dưỡng.",
        citations=[(HNGD, 116), (HNGD, 110)],
    ),
    dict(
        field="Hôn nhân và gia đình", name="Thái Văn Bảo Lộc", phone="0369440123", email="baoloc.demo@example.vn",
        title="Thuận tình ly hôn cần những điều kiện gì?",
        question="Vợ chồng tôi đã thống nhất ly hôn, con cái và tài sản đã tự thỏa thuận. Xin hỏi thủ tục thuận tình ly "
        "hôn có được giải quyết nhanh không?",
        answer="Theo Điều 55 Luật Hôn nhân và gia đình năm 2014, trong trường hợp vợ chồng cùng yêu cầu ly hôn, nếu xét thấy "
        "hai bên thật sự tự nguyện ly hôn và đã thỏa thuận về việc chia tài sản, việc trông nom, nuôi dưỡng, chăm sóc, giáo "
        "dục con trên cơ sở bảo đảm quyền lợi chính đáng của vợ và con thì Tòa án công nhận thuận tình ly hôn.\n"
        "Hai vợ chồng nộp đơn yêu cầu công nhận thuận tình ly hôn tại Tòa án nhân dân khu vực nơi một trong hai bên cư trú, "
        "kèm giấy chứng nhận kết hôn, giấy khai sinh của con và giấy tờ về tài sản (nếu có).",
        citations=[(HNGD, 55)],
    ),
    dict(
        field="Hôn nhân và gia đình", name="Khổng Thị Lành", phone="0856017824", email="thilanh.demo@example.vn",
        title="Tài sản vợ chồng chia thế nào khi ly hôn?",
        question="Vợ chồng tôi ly hôn, tài sản chung gồm nhà và đất mua sau khi cưới. Chồng tôi đi làm xa, tôi ở nhà "
        "chăm con và bố mẹ chồng. Tôi có được chia ít hơn vì không có thu nhập không?",
        answer="Khoản 2 Điều 59 Luật Hôn nhân và gia đình năm 2014 quy định tài sản chung của vợ chồng được chia đôi nhưng "
        "có tính đến hoàn cảnh của gia đình và của vợ, chồng; công sức đóng góp của vợ, chồng vào việc tạo lập, duy trì và "
        "phát triển khối tài sản chung. Lao động của vợ, chồng trong gia đình được coi như lao động có thu nhập.\n"
        "Vì vậy, công sức chăm sóc con và gia đình của bà được tính như lao động có thu nhập; bà không bị chia ít hơn chỉ "
        "vì không đi làm. Tài sản có trong thời kỳ hôn nhân là tài sản chung theo Điều 33.",
        citations=[(HNGD, 59), (HNGD, 33)],
    ),
    # --- Hành chính: cư trú, tiếp cận thông tin ----------------------------------------------
    dict(
        field="Hành chính", name="Giàng A Dính", phone="0823455025", email="adinh.demo@example.vn",
        title="Thuê trọ bao lâu thì phải đăng ký tạm trú?",
        question="Tôi từ tỉnh khác đến làm công nhân, thuê phòng trọ gần khu công nghiệp. Tôi có bắt buộc đăng ký tạm "
        "trú không và thời hạn tạm trú được bao lâu?",
        answer="Theo Điều 27 Luật Cư trú năm 2020, công dân đến sinh sống tại chỗ ở hợp pháp ngoài phạm vi đơn vị hành chính "
        "cấp xã nơi đã đăng ký thường trú để lao động, học tập hoặc vì mục đích khác từ 30 ngày trở lên thì phải thực hiện "
        "đăng ký tạm trú. Thời hạn tạm trú tối đa là 02 năm và có thể tiếp tục gia hạn nhiều lần.\n"
        "Hồ sơ gồm tờ khai thay đổi thông tin cư trú và giấy tờ chứng minh chỗ ở hợp pháp (như hợp đồng thuê trọ), nộp tại "
        "Công an cấp xã hoặc qua Cổng dịch vụ công; trong 03 ngày làm việc cơ quan đăng ký cư trú cập nhật thông tin (Điều 28).",
        citations=[(CU_TRU, 27), (CU_TRU, 28)],
    ),
    dict(
        field="Hành chính", name="Phùng Thị Ánh Tuyết", phone="0941662426", email="anhtuyet.demo@example.vn",
        title="Nhập hộ khẩu về nhà chồng cần điều kiện gì?",
        question="Tôi mới lấy chồng ở xã khác, muốn chuyển thường trú về nhà chồng (nhà do bố mẹ chồng đứng tên). Tôi "
        "cần điều kiện và giấy tờ gì?",
        answer="Điểm a khoản 2 Điều 20 Luật Cư trú năm 2020 cho phép công dân đăng ký thường trú tại chỗ ở hợp pháp không "
        "thuộc quyền sở hữu của mình khi được chủ hộ, chủ sở hữu chỗ ở đồng ý, trong trường hợp vợ về ở với chồng. Trường "
        "hợp này không phải đáp ứng điều kiện về diện tích nhà ở tối thiểu.\n"
        "Hồ sơ theo Điều 21 gồm tờ khai thay đổi thông tin cư trú (có ý kiến đồng ý của chủ hộ, chủ sở hữu), giấy tờ chứng "
        "minh quan hệ vợ chồng (giấy chứng nhận kết hôn). Trong 07 ngày làm việc kể từ ngày nhận đủ hồ sơ, Công an cấp xã "
        "thẩm định và cập nhật thông tin (Điều 22).",
        citations=[(CU_TRU, 20), (CU_TRU, 21), (CU_TRU, 22)],
    ),
    dict(
        field="Hành chính", name="Ma Văn Khởi", phone="0789001227", email="vankhoi.demo@example.vn",
        title="Có khách đến ở nhờ qua đêm có phải báo công an không?",
        question="Gia đình tôi có người họ hàng từ xa đến chơi và ngủ lại vài đêm. Tôi có phải khai báo lưu trú không, "
        "khai báo bằng cách nào?",
        answer="Điều 30 Luật Cư trú năm 2020 quy định khi có người đến lưu trú, thành viên hộ gia đình, người đại diện cơ "
        "sở chữa bệnh, cơ sở lưu trú du lịch và các cơ sở khác có trách nhiệm thông báo việc lưu trú với cơ quan đăng ký "
        "cư trú. Việc thông báo thực hiện trực tiếp, qua điện thoại, phương tiện điện tử hoặc ứng dụng do cơ quan có thẩm "
        "quyền cung cấp; thông báo trước 23 giờ của ngày bắt đầu lưu trú, nếu người đến sau 23 giờ thì thông báo trước 08 "
        "giờ ngày hôm sau.\n"
        "Gia đình có thể thông báo qua ứng dụng VNeID hoặc Cổng dịch vụ công, hoặc báo trực tiếp với Công an cấp xã.",
        citations=[(CU_TRU, 30)],
    ),
    dict(
        field="Hành chính", name="Hầu Thị Dua", phone="0336708828", email="thidua.demo@example.vn",
        title="Đi làm xa lâu ngày có bị xóa hộ khẩu thường trú không?",
        question="Tôi đi làm ở nước ngoài theo hợp đồng 3 năm. Nghe nói vắng mặt lâu sẽ bị xóa thường trú, có đúng không?",
        answer="Điểm d khoản 1 Điều 24 Luật Cư trú năm 2020 quy định người vắng mặt liên tục tại nơi thường trú từ 12 tháng "
        "trở lên mà không đăng ký tạm trú tại chỗ ở khác hoặc không khai báo tạm vắng, trừ trường hợp xuất cảnh ra nước "
        "ngoài nhưng không phải để định cư hoặc đang chấp hành án phạt tù, thì bị xóa đăng ký thường trú.\n"
        "Bà đi làm việc ở nước ngoài có thời hạn (không phải định cư) nên không thuộc trường hợp bị xóa đăng ký thường trú vì "
        "vắng mặt. Trước khi đi, bà nên khai báo tạm vắng theo Điều 31 để thuận tiện cho việc quản lý.",
        citations=[(CU_TRU, 24), (CU_TRU, 31)],
    ),
    dict(
        field="Hành chính", name="Thào Mí Sính", phone="0916204529", email="misinh.demo@example.vn",
        title="Thuê nhà có được đăng ký thường trú không?",
        question="Gia đình tôi thuê nhà dài hạn 5 năm ở phường trung tâm, muốn đăng ký thường trú để con đi học gần. "
        "Chủ nhà đồng ý. Có được không?",
        answer="Theo khoản 3 Điều 20 Luật Cư trú năm 2020, công dân được đăng ký thường trú tại chỗ ở hợp pháp do thuê, "
        "mượn, ở nhờ khi được chủ sở hữu đồng ý cho đăng ký thường trú và bảo đảm điều kiện về diện tích nhà ở tối thiểu do "
        "Hội đồng nhân dân cấp tỉnh quy định nhưng không thấp hơn 08 m2 sàn/người.\n"
        "Lưu ý Điều 23 quy định một số địa điểm không được đăng ký thường trú mới (như chỗ ở nằm trong địa điểm cấm, lấn "
        "chiếm đất công, nhà đã có quyết định phá dỡ). Hồ sơ gồm hợp đồng thuê có công chứng, chứng thực hoặc văn bản đồng ý "
        "của chủ nhà theo quy định.",
        citations=[(CU_TRU, 20), (CU_TRU, 23)],
    ),
    dict(
        field="Hành chính", name="Chu Văn Thẩm", phone="0387612630", email="vantham.demo@example.vn",
        title="Người dân yêu cầu cung cấp thông tin quy hoạch bằng cách nào?",
        question="Tôi muốn biết thông tin về dự án mở rộng đường đi qua thôn mình để xem nhà có bị ảnh hưởng không. "
        "Tôi có quyền yêu cầu Ủy ban nhân dân cung cấp không, gửi yêu cầu thế nào?",
        answer="Theo Điều 10 Luật Tiếp cận thông tin năm 2016, công dân được tiếp cận thông tin bằng cách tự do tiếp cận "
        "thông tin được cơ quan nhà nước công khai hoặc yêu cầu cơ quan nhà nước cung cấp thông tin. Điều 24 quy định việc "
        "yêu cầu có thể thực hiện trực tiếp tại trụ sở, hoặc gửi phiếu yêu cầu qua mạng điện tử, dịch vụ bưu chính, fax.\n"
        "Ông nên kiểm tra trước thông tin quy hoạch đã được công khai trên cổng thông tin của tỉnh, xã; nếu chưa có, lập "
        "phiếu yêu cầu gửi Ủy ban nhân dân nơi phê duyệt dự án, ghi rõ thông tin cần cung cấp và hình thức nhận.",
        citations=[(TIEP_CAN_TT, 10), (TIEP_CAN_TT, 24)],
    ),
    dict(
        field="Hành chính", name="Ninh Thị Mỹ Lệ", phone="0975123031", email="myle.demo@example.vn",
        title="Khi nào cơ quan nhà nước được từ chối cung cấp thông tin?",
        question="Tôi gửi yêu cầu xin bản sao biên bản họp xét hộ nghèo của thôn nhưng bị từ chối mà không nêu lý do. "
        "Cơ quan có được từ chối như vậy không?",
        answer="Điều 28 Luật Tiếp cận thông tin năm 2016 liệt kê các trường hợp từ chối yêu cầu cung cấp thông tin, như "
        "thông tin thuộc diện không được tiếp cận, thông tin đã được công khai, yêu cầu không rõ ràng hoặc vượt quá khả năng "
        "đáp ứng. Khi từ chối, cơ quan phải thông báo bằng văn bản và nêu rõ lý do cho người yêu cầu.\n"
        "Việc từ chối không nêu lý do là chưa đúng quy định. Bà có thể đề nghị cơ quan trả lời bằng văn bản hoặc khiếu nại "
        "theo quy định của pháp luật về khiếu nại.",
        citations=[(TIEP_CAN_TT, 28)],
    ),
    # --- Hình sự ------------------------------------------------------------------------------
    dict(
        field="Hình sự", name="Lưu Văn Tài Ngọ", phone="0362118832", email="taingo.demo@example.vn",
        title="Con 15 tuổi đánh nhau gây thương tích có bị truy cứu trách nhiệm hình sự?",
        question="Con trai tôi 15 tuổi đánh nhau với bạn cùng lớp, bạn bị thương phải khâu đầu, giám định thương tích 12%. "
        "Cháu có bị xử lý hình sự không?",
        answer="Khoản 2 Điều 12 Bộ luật Hình sự quy định người từ đủ 14 tuổi đến dưới 16 tuổi chỉ phải chịu trách nhiệm "
        "hình sự về tội phạm rất nghiêm trọng, đặc biệt nghiêm trọng theo danh mục, trong đó có tội cố ý gây thương tích "
        "(Điều 134). Với tỷ lệ thương tích 12% và không có tình tiết định khung tăng nặng, hành vi thuộc khoản 1 Điều 134 "
        "(tội phạm ít nghiêm trọng), nên người 15 tuổi không phải chịu trách nhiệm hình sự.\n"
        "Tuy nhiên, cháu có thể bị xử lý vi phạm hành chính hoặc áp dụng biện pháp giáo dục, và gia đình phải bồi thường "
        "thiệt hại cho bên bị hại. Việc xử lý người dưới 18 tuổi tuân theo nguyên tắc tại Điều 91.",
        citations=[(BLHS, 12), (BLHS, 134), (BLHS, 91)],
    ),
    dict(
        field="Hình sự", name="Tăng Thị Huê", phone="0947225533", email="thihue.demo@example.vn",
        title="Cho vay lãi suất bao nhiêu thì bị coi là cho vay nặng lãi?",
        question="Ở xã tôi có người cho vay lãi 3.000 đồng/1 triệu/ngày, ai chậm trả thì bị đến nhà đòi. Như vậy có phải "
        "tội cho vay nặng lãi không?",
        answer="Điều 201 Bộ luật Hình sự quy định người nào trong giao dịch dân sự mà cho vay với lãi suất gấp 05 lần mức "
        "lãi suất cao nhất quy định trong Bộ luật Dân sự (mức cao nhất là 20%/năm theo Điều 468 Bộ luật Dân sự), thu lợi "
        "bất chính từ 30.000.000 đồng trở lên hoặc đã bị xử phạt vi phạm hành chính về hành vi này mà còn vi phạm, thì bị "
        "truy cứu trách nhiệm hình sự.\n"
        "Mức 3.000 đồng/1 triệu/ngày tương đương khoảng 109%/năm, vượt 05 lần mức 20%/năm. Người dân có thể cung cấp thông tin "
        "cho Công an cấp xã; hành vi đe dọa khi đòi nợ còn có thể cấu thành tội phạm khác.",
        citations=[(BLHS, 201), (BLDS, 468)],
    ),
    dict(
        field="Hình sự", name="Kiều Văn Nhượng", phone="0815330134", email="vannhuong.demo@example.vn",
        title="Trộm tài sản dưới 2 triệu đồng có bị đi tù không?",
        question="Em trai tôi lấy trộm điện thoại cũ trị giá khoảng 1,5 triệu đồng, lần đầu vi phạm. Em có bị truy cứu "
        "trách nhiệm hình sự không?",
        answer="Theo khoản 1 Điều 173 Bộ luật Hình sự, người trộm cắp tài sản trị giá từ 2.000.000 đồng trở lên, hoặc dưới "
        "2.000.000 đồng nhưng thuộc một trong các trường hợp như đã bị xử phạt vi phạm hành chính về hành vi chiếm đoạt tài "
        "sản mà còn vi phạm, đã bị kết án về tội này hoặc tội chiếm đoạt khác chưa được xóa án tích, tài sản là phương tiện "
        "kiếm sống chính của người bị hại, thì bị truy cứu trách nhiệm hình sự.\n"
        "Nếu em bạn lần đầu vi phạm, tài sản dưới 2 triệu đồng và không thuộc các trường hợp trên thì bị xử phạt vi phạm hành "
        "chính, phải trả lại tài sản hoặc bồi thường.",
        citations=[(BLHS, 173)],
    ),
    dict(
        field="Hình sự", name="Viên Thị Thảo Nguyên", phone="0399826035", email="thaonguyen.demo@example.vn",
        title="Bị lừa chuyển tiền qua mạng thì trình báo ở đâu?",
        question="Mẹ tôi nhận được cuộc gọi giả danh công an, bị lừa chuyển 80 triệu đồng vào tài khoản lạ. Người lừa "
        "có bị xử lý hình sự không, gia đình cần làm gì?",
        answer="Điều 174 Bộ luật Hình sự quy định người nào bằng thủ đoạn gian dối chiếm đoạt tài sản của người khác trị giá "
        "từ 2.000.000 đồng trở lên thì phạm tội lừa đảo chiếm đoạt tài sản; chiếm đoạt từ 50.000.000 đồng đến dưới "
        "200.000.000 đồng thì bị phạt tù từ 02 năm đến 07 năm.\n"
        "Gia đình cần ngay lập tức liên hệ ngân hàng đề nghị phong tỏa giao dịch, lưu giữ tin nhắn, số điện thoại, biên lai "
        "chuyển tiền và trình báo tại Công an cấp xã hoặc cơ quan Cảnh sát điều tra gần nhất.",
        citations=[(BLHS, 174)],
    ),
    dict(
        field="Hình sự", name="Thân Văn Được", phone="0966013236", email="vanduoc.demo@example.vn",
        title="Chơi bài ăn tiền bao nhiêu thì bị coi là tội đánh bạc?",
        question="Dịp Tết, mấy anh em trong xóm đánh bài ăn tiền, mỗi ván vài chục nghìn. Như vậy có vi phạm pháp luật không?",
        answer="Điều 321 Bộ luật Hình sự quy định người nào đánh bạc trái phép dưới bất kỳ hình thức nào được thua bằng tiền "
        "hay hiện vật trị giá từ 5.000.000 đồng trở lên, hoặc dưới 5.000.000 đồng nhưng đã bị xử phạt vi phạm hành chính về "
        "hành vi này hoặc đã bị kết án về tội này chưa được xóa án tích mà còn vi phạm, thì bị truy cứu trách nhiệm hình sự.\n"
        "Đánh bài được thua bằng tiền dù số tiền nhỏ vẫn là hành vi vi phạm pháp luật và bị xử phạt vi phạm hành chính. Gia "
        "đình nên vui xuân bằng các trò chơi lành mạnh, không sát phạt ăn tiền.",
        citations=[(BLHS, 321)],
    ),
    # --- Phòng, chống ma túy -------------------------------------------------------------------
    dict(
        field="Phòng, chống ma túy", name="Lâm Thị Đào Hoa", phone="0868015537", email="daohoa.demo@example.vn",
        title="Gia đình muốn cho con cai nghiện tự nguyện tại nhà thì làm thế nào?",
        question="Con trai tôi 24 tuổi nghiện ma túy, cháu đồng ý cai. Gia đình muốn cháu cai nghiện tại nhà thì cần thủ "
        "tục gì?",
        answer="Theo Điều 28 Luật Phòng, chống ma túy năm 2021, các biện pháp cai nghiện gồm cai nghiện tự nguyện và cai "
        "nghiện bắt buộc; cai nghiện tự nguyện có thể thực hiện tại gia đình, cộng đồng hoặc tại cơ sở cai nghiện. Điều 30 "
        "quy định người nghiện ma túy cai nghiện tự nguyện tại gia đình, cộng đồng phải đăng ký với Chủ tịch Ủy ban nhân dân "
        "cấp xã nơi cư trú.\n"
        "Gia đình cùng cháu lập hồ sơ đăng ký tại Ủy ban nhân dân xã; xã sẽ giao tổ chức, cá nhân hỗ trợ, theo dõi quá trình "
        "cai nghiện. Gia đình có trách nhiệm phối hợp quản lý, động viên người cai nghiện.",
        citations=[(MA_TUY, 28), (MA_TUY, 30)],
    ),
    dict(
        field="Phòng, chống ma túy", name="Đoàn Văn Quyết Thắng", phone="0919207438", email="quyetthang.demo@example.vn",
        title="Trẻ 16 tuổi nghiện ma túy có bị đưa đi cai nghiện bắt buộc không?",
        question="Cháu tôi 16 tuổi bị phát hiện sử dụng ma túy nhiều lần và đã được xác định là nghiện. Cháu có bị đưa vào "
        "trung tâm cai nghiện bắt buộc không?",
        answer="Điều 33 Luật Phòng, chống ma túy năm 2021 quy định người nghiện ma túy từ đủ 12 tuổi đến dưới 18 tuổi được "
        "cai nghiện tự nguyện tại gia đình, cộng đồng hoặc tại cơ sở cai nghiện; trường hợp không tự nguyện hoặc trong thời "
        "gian cai nghiện tự nguyện mà vẫn sử dụng ma túy thì có thể bị Tòa án quyết định đưa vào cơ sở cai nghiện bắt buộc. "
        "Việc xác định tình trạng nghiện do cơ sở y tế đủ điều kiện thực hiện theo Điều 27.\n"
        "Gia đình nên chủ động đăng ký cho cháu cai nghiện tự nguyện và phối hợp với nhà trường, Ủy ban nhân dân cấp xã để hỗ "
        "trợ cháu.",
        citations=[(MA_TUY, 33), (MA_TUY, 27)],
    ),
    dict(
        field="Phòng, chống ma túy", name="Hứa Thị Nết", phone="0347330539", email="thinet.demo@example.vn",
        title="Người sử dụng trái phép chất ma túy bị quản lý thế nào?",
        question="Hàng xóm tôi bị công an phát hiện dương tính với ma túy nhưng chưa được xác định là nghiện. Người này "
        "có bị quản lý gì không?",
        answer="Điều 23 Luật Phòng, chống ma túy năm 2021 quy định người sử dụng trái phép chất ma túy (chưa xác định là "
        "nghiện) bị đưa vào danh sách quản lý của Ủy ban nhân dân cấp xã nơi cư trú trong thời hạn 01 năm; Công an cấp xã "
        "giúp Ủy ban nhân dân quản lý. Trong thời gian quản lý, người đó được tư vấn, hỗ trợ để không tái sử dụng.\n"
        "Việc sử dụng trái phép chất ma túy là hành vi bị nghiêm cấm theo Điều 5. Người dân phát hiện hành vi liên quan đến "
        "ma túy nên báo cho Công an cấp xã.",
        citations=[(MA_TUY, 23), (MA_TUY, 5)],
    ),
    # --- Tài nguyên, môi trường, nông nghiệp ------------------------------------------------------
    dict(
        field="Tài nguyên, môi trường", name="Bàn Văn Tiếu", phone="0384120340", email="vantieu.demo@example.vn",
        title="Hộ gia đình phải phân loại rác sinh hoạt như thế nào?",
        question="Thôn tôi thông báo từ nay các hộ phải phân loại rác tại nhà, nếu không sẽ không thu gom. Luật quy định "
        "phân loại thành những loại nào?",
        answer="Khoản 1 Điều 75 Luật Bảo vệ môi trường năm 2020 quy định chất thải rắn sinh hoạt phát sinh từ hộ gia đình, "
        "cá nhân được phân loại theo nguyên tắc: chất thải rắn có khả năng tái sử dụng, tái chế; chất thải thực phẩm; chất "
        "thải rắn sinh hoạt khác. Hộ gia đình phải chứa, đựng chất thải đã phân loại vào bao bì phù hợp và chuyển giao cho "
        "cơ sở thu gom.\n"
        "Chi phí thu gom, vận chuyển, xử lý được tính dựa trên khối lượng hoặc thể tích chất thải đã phân loại (Điều 79). "
        "Việc phân loại giúp giảm chi phí và bảo vệ môi trường nông thôn.",
        citations=[(MOI_TRUONG, 75), (MOI_TRUONG, 79)],
    ),
    dict(
        field="Tài nguyên, môi trường", name="Tạ Thị Hồng Nhung", phone="0703221541", email="hongnhung.demo@example.vn",
        title="Xưởng gỗ gây tiếng ồn ban đêm thì phản ánh ở đâu?",
        question="Gần nhà tôi có xưởng cưa gỗ chạy máy đến 11 giờ đêm, tiếng ồn rất lớn ảnh hưởng người già và trẻ nhỏ. "
        "Tôi có thể phản ánh với cơ quan nào?",
        answer="Điều 89 Luật Bảo vệ môi trường năm 2020 quy định tổ chức, cá nhân gây tiếng ồn, độ rung phải kiểm soát, xử "
        "lý bảo đảm không vượt quá quy chuẩn kỹ thuật môi trường; Ủy ban nhân dân các cấp có trách nhiệm kiểm tra, xử lý. "
        "Gây tiếng ồn vượt quy chuẩn là một trong các hành vi bị nghiêm cấm theo Điều 6.\n"
        "Bà có thể phản ánh trực tiếp hoặc bằng văn bản tới Ủy ban nhân dân cấp xã, nơi có trách nhiệm kiểm tra, đo đạc và "
        "xử lý; nếu không được giải quyết, gửi tiếp tới Sở Nông nghiệp và Môi trường.",
        citations=[(MOI_TRUONG, 89), (MOI_TRUONG, 6)],
    ),
    dict(
        field="Tài nguyên, môi trường", name="Mẫn Văn Cường Lĩnh", phone="0917403442", email="cuonglinh.demo@example.vn",
        title="Nhà máy xả nước thải làm chết cá, người nuôi có được bồi thường?",
        question="Ao cá của gia đình tôi bị chết hàng loạt sau khi nhà máy bên cạnh xả nước thải ra kênh. Tôi có được "
        "đòi bồi thường không?",
        answer="Điều 602 Bộ luật Dân sự năm 2015 quy định chủ thể làm ô nhiễm môi trường mà gây thiệt hại thì phải bồi "
        "thường theo quy định của pháp luật, kể cả trường hợp chủ thể đó không có lỗi. Xả nước thải chưa xử lý đạt quy "
        "chuẩn ra môi trường là hành vi bị nghiêm cấm theo Điều 6 Luật Bảo vệ môi trường năm 2020.\n"
        "Ông nên đề nghị Ủy ban nhân dân cấp xã lập biên bản, lấy mẫu nước, ghi nhận thiệt hại; sau đó thương lượng với nhà "
        "máy hoặc khởi kiện yêu cầu bồi thường tại Tòa án.",
        citations=[(BLDS, 602), (MOI_TRUONG, 6)],
    ),
    dict(
        field="Nông nghiệp", name="Quách Thị Thơm", phone="0329144543", email="thithom.demo@example.vn",
        title="Hàng xóm nuôi lợn gây mùi hôi thì xử lý thế nào?",
        question="Nhà bên cạnh nuôi khoảng 30 con lợn ngay sát tường nhà tôi, chất thải chảy ra rãnh chung, mùi hôi suốt "
        "ngày. Họ có vi phạm không?",
        answer="Điều 56 Luật Chăn nuôi năm 2018 quy định chăn nuôi nông hộ phải đáp ứng yêu cầu về vệ sinh thú y, xử lý "
        "chất thải và bảo đảm không gây ảnh hưởng đến người xung quanh. Điều 60 yêu cầu chất thải chăn nuôi nông hộ phải "
        "được thu gom, xử lý (ủ phân, biogas…) và không được xả thải trực tiếp ra môi trường gây ô nhiễm.\n"
        "Bà có thể trao đổi với gia đình hàng xóm, đề nghị tổ hòa giải ở cơ sở hòa giải; nếu tình trạng không được khắc "
        "phục, phản ánh tới Ủy ban nhân dân cấp xã để kiểm tra, xử lý.",
        citations=[(CHAN_NUOI, 56), (CHAN_NUOI, 60)],
    ),
    # --- More civil and labour questions --------------------------------------------------------
    dict(
        field="Dân sự", name="Từ Văn Nghĩa Hiệp", phone="0838550044", email="nghiahiep.demo@example.vn",
        title="Xe máy gây tai nạn khi người con 16 tuổi điều khiển, ai bồi thường?",
        question="Con tôi 16 tuổi mượn xe máy của bố đi học, va chạm làm người đi bộ bị thương. Ai phải bồi thường cho "
        "người bị thương?",
        answer="Xe máy là nguồn nguy hiểm cao độ. Điều 601 Bộ luật Dân sự năm 2015 quy định chủ sở hữu, người chiếm hữu, sử "
        "dụng nguồn nguy hiểm cao độ phải bồi thường thiệt hại do nguồn nguy hiểm cao độ gây ra, kể cả khi không có lỗi, "
        "trừ trường hợp thiệt hại xảy ra hoàn toàn do lỗi cố ý của người bị thiệt hại hoặc do sự kiện bất khả kháng.\n"
        "Người từ đủ 15 đến chưa đủ 18 tuổi gây thiệt hại thì phải bồi thường bằng tài sản của mình; nếu không đủ thì cha, "
        "mẹ bồi thường phần còn thiếu. Việc bồi thường tuân theo nguyên tắc tại Điều 585 (toàn bộ, kịp thời).",
        citations=[(BLDS, 601), (BLDS, 585)],
    ),
    dict(
        field="Lao động", name="Dương Thị Mận Hồng", phone="0367219945", email="manhong.demo@example.vn",
        title="Tết Nguyên đán người lao động được nghỉ mấy ngày?",
        question="Công ty tôi chỉ cho nghỉ Tết âm lịch 3 ngày và bắt đi làm bù. Theo luật người lao động được nghỉ Tết "
        "bao nhiêu ngày hưởng nguyên lương?",
        answer="Khoản 1 Điều 112 Bộ luật Lao động năm 2019 quy định người lao động được nghỉ làm việc, hưởng nguyên lương "
        "trong những ngày lễ, tết, trong đó Tết Âm lịch được nghỉ 05 ngày. Ngoài ra còn các ngày Tết Dương lịch, Giỗ Tổ Hùng "
        "Vương, ngày Chiến thắng 30/4, ngày Quốc tế lao động 1/5 và Quốc khánh 2/9 theo quy định.\n"
        "Công ty cho nghỉ Tết Âm lịch 3 ngày và yêu cầu làm bù là không đúng. Nếu người lao động làm việc vào ngày lễ, tết "
        "thì được trả ít nhất 300% tiền lương theo Điều 98, chưa kể tiền lương ngày lễ, tết.",
        citations=[(BLLD, 112), (BLLD, 98)],
    ),
    dict(
        field="Hôn nhân và gia đình", name="Âu Văn Kỳ Duyên", phone="0792604946", email="kyduyen.demo@example.vn",
        title="Con sinh ra khi chưa ly hôn xong có phải là con chung?",
        question="Tôi và vợ đã ly thân hai năm nhưng chưa ly hôn. Vợ tôi vừa sinh con với người khác. Về pháp lý, đứa trẻ "
        "có được coi là con chung của vợ chồng tôi không?",
        answer="Khoản 1 Điều 88 Luật Hôn nhân và gia đình năm 2014 quy định con sinh ra trong thời kỳ hôn nhân hoặc do "
        "người vợ có thai trong thời kỳ hôn nhân là con chung của vợ chồng. Trường hợp cha, mẹ không thừa nhận con thì phải "
        "có chứng cứ và phải được Tòa án xác định.\n"
        "Vì vậy, về pháp lý, đứa trẻ được suy đoán là con chung. Nếu ông không thừa nhận, ông có quyền yêu cầu Tòa án xác "
        "định lại quan hệ cha con, thường kèm kết quả giám định ADN.",
        citations=[(HNGD, 88)],
    ),
    dict(
        field="Dân sự", name="Ông Thị Lụa Vân", phone="0889331447", email="luavan.demo@example.vn",
        title="Di sản dùng vào việc thờ cúng được quản lý thế nào?",
        question="Ông tôi để lại di chúc dành một phần đất làm nhà thờ họ, giao cho bác cả quản lý. Nay bác cả muốn bán "
        "phần đất đó. Bác có quyền bán không?",
        answer="Điều 645 Bộ luật Dân sự năm 2015 quy định trường hợp người lập di chúc để lại một phần di sản dùng vào "
        "việc thờ cúng thì phần di sản đó không được chia thừa kế và được giao cho người đã được chỉ định trong di chúc quản "
        "lý để thực hiện việc thờ cúng. Người quản lý không thực hiện đúng di chúc hoặc không theo thỏa thuận của những người "
        "thừa kế thì những người thừa kế có quyền giao phần di sản đó cho người khác quản lý.\n"
        "Bác cả chỉ là người quản lý di sản thờ cúng, không có quyền tự ý bán. Các người thừa kế có thể yêu cầu giao cho người "
        "khác quản lý nếu bác không thực hiện đúng di chúc.",
        citations=[(BLDS, 645)],
    ),
    dict(
        field="Lao động", name="Nghiêm Văn Thụ", phone="0918725048", email="vanthu.demo@example.vn",
        title="Có được tuyển người 16 tuổi làm việc trong dịp hè không?",
        question="Tôi mở cửa hàng tạp hóa, muốn nhận một em 16 tuổi làm bán hàng dịp hè. Tôi cần lưu ý gì để đúng luật?",
        answer="Điều 143 Bộ luật Lao động năm 2019 quy định lao động chưa thành niên là người lao động chưa đủ 18 tuổi; người "
        "từ đủ 15 tuổi đến chưa đủ 18 tuổi không được làm công việc hoặc làm việc ở nơi làm việc thuộc danh mục cấm. Khi sử "
        "dụng lao động chưa thành niên, người sử dụng lao động phải lập sổ theo dõi riêng và bảo đảm thời giờ làm việc phù hợp.\n"
        "Với người từ đủ 15 đến chưa đủ 18 tuổi, thời giờ làm việc không quá 08 giờ trong 01 ngày và 40 giờ trong 01 tuần. "
        "Công việc bán hàng tạp hóa không thuộc danh mục cấm; ông/bà cần giao kết hợp đồng lao động bằng văn bản và trả lương "
        "đầy đủ.",
        citations=[(BLLD, 143)],
    ),
    dict(
        field="Hình sự", name="Trương Thị Cúc Phương", phone="0356487049", email="cucphuong.demo@example.vn",
        title="Biết người khác phạm tội mà không báo có bị xử lý?",
        question="Tôi biết một người trong xóm buôn bán ma túy nhưng sợ bị trả thù nên không báo. Tôi có bị xử lý vì không "
        "tố giác không?",
        answer="Điều 390 Bộ luật Hình sự quy định người nào biết rõ một trong các tội phạm được quy định tại Điều 389 (trong "
        "đó có tội mua bán trái phép chất ma túy) đang được chuẩn bị, đang được thực hiện hoặc đã được thực hiện mà không tố "
        "giác thì có thể bị truy cứu trách nhiệm hình sự về tội không tố giác tội phạm.\n"
        "Người tố giác tội phạm được pháp luật bảo vệ, giữ bí mật thông tin. Bà có thể tố giác trực tiếp hoặc qua đường dây "
        "nóng của Công an; không nên tự xử lý vì có thể nguy hiểm.",
        citations=[(BLHS, 390)],
    ),
]

# Questions still in the staff workflow (never public), to show the queue in the demo.
DEMO_OPEN_QUESTIONS: list[dict] = [
    dict(
        field="Đất đai", status="new", days_ago=2, name="Hoàng Văn Lợi Tám", phone="0961450050",
        email="loitam.demo@example.vn",
        question="Gia đình tôi có thửa đất vườn liền kề nhà ở, muốn chuyển sang đất ở để làm nhà cho con. Thủ tục chuyển "
        "mục đích sử dụng đất làm ở đâu và phải nộp những khoản tiền nào?",
    ),
    dict(
        field=None, status="new", days_ago=12, name="Lê Thị Diễm Kiều", phone="0932118851", email="",
        question="Mẹ tôi năm nay 82 tuổi, không có lương hưu. Bà có được hưởng trợ cấp hằng tháng không và làm hồ sơ ở đâu?",
    ),
    dict(
        field="Lao động", status="assigned", days_ago=9, name="Phan Văn Quý Hợi", phone="0979004252",
        email="quyhoi.demo@example.vn",
        question="Tôi bị công ty cho nghỉ việc với lý do cắt giảm nhân sự, chỉ báo trước 10 ngày. Công ty làm như vậy có "
        "đúng không, tôi được những quyền lợi gì?",
    ),
    dict(
        field="Hôn nhân và gia đình", status="screened", days_ago=4, name="Vũ Thị Khánh Hạ", phone="",
        email="khanhha.demo@example.vn",
        question="Tôi và chồng đăng ký kết hôn ở Hàn Quốc, nay về Việt Nam sinh sống. Có cần ghi chú việc kết hôn tại Việt "
        "Nam không và làm ở đâu?",
    ),
]

DEMO_TEMPLATES: list[dict] = [
    dict(
        title="Lời chào và căn cứ chung",
        field=None,
        text="Cảm ơn ông/bà đã gửi câu hỏi đến Sở Tư pháp. Về vấn đề ông/bà hỏi, chúng tôi trả lời như sau:",
    ),
    dict(
        title="Hướng dẫn hòa giải ở cơ sở",
        field=None,
        text="Trước khi khởi kiện, ông/bà có thể đề nghị tổ hòa giải ở thôn, tổ dân phố hòa giải. Hòa giải ở cơ sở không "
        "mất phí và kết quả hòa giải thành có thể được Tòa án công nhận.",
    ),
    dict(
        title="Lưu ý câu trả lời mang tính tham khảo",
        field=None,
        text="Câu trả lời trên căn cứ các văn bản có hiệu lực tại thời điểm trả lời và thông tin ông/bà cung cấp; để được "
        "tư vấn cụ thể, ông/bà có thể liên hệ Trung tâm Trợ giúp pháp lý nhà nước của tỉnh.",
    ),
]
