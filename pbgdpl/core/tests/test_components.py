"""Shared template components other apps reuse."""

from django import forms
from django.template.loader import render_to_string


class QuestionForm(forms.Form):
    name = forms.CharField(label="Họ và tên", help_text="Không công khai.")
    question = forms.CharField(label="Câu hỏi", widget=forms.Textarea, min_length=20)


def test_field_component_keeps_input_and_shows_vietnamese_error_under_it():
    form = QuestionForm(data={"name": "Nguyễn Văn An", "question": "Ngắn quá"})
    assert not form.is_valid()
    html = render_to_string("includes/field.html", {"field": form["question"]})
    assert '<label for="id_question">Câu hỏi' in html
    assert "Ngắn quá" in html  # what the user typed is kept
    assert 'class="field field-error"' in html
    assert 'class="error-message"' in html
    assert 'aria-invalid="true"' in html

    ok = render_to_string("includes/field.html", {"field": form["name"]})
    assert 'value="Nguyễn Văn An"' in ok and "field-error" not in ok
    assert 'aria-describedby="id_name_helptext"' in ok and 'id="id_name_helptext"' in ok
