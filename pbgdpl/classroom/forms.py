"""The pupil's join form and the teacher's start form (Vietnamese messages)."""

from __future__ import annotations

from django import forms

from pbgdpl.core.forms import VietnameseMessagesMixin


class JoinForm(VietnameseMessagesMixin, forms.Form):
    code = forms.RegexField(label="Mã lớp (6 chữ số)", regex=r"^\s*[0-9]{6}\s*$", max_length=12,
                            error_messages={"invalid": "Mã lớp gồm đúng 6 chữ số, giáo viên ghi trên bảng."},
                            widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
    nickname = forms.CharField(label="Biệt danh", max_length=30,
                               help_text="Không cần tên thật. Biệt danh bị xóa khi lớp kết thúc.",
                               widget=forms.TextInput(attrs={"autocomplete": "off"}))


class StartForm(VietnameseMessagesMixin, forms.Form):
    quiz = forms.ModelChoiceField(label="Bài luyện tập", queryset=None, empty_label=None)

    def __init__(self, *args, **kwargs):
        from pbgdpl.quizzes.models import PracticeQuiz

        super().__init__(*args, **kwargs)
        self.fields["quiz"].queryset = PracticeQuiz.objects.filter(is_published=True)
