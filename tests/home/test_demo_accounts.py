from html.parser import HTMLParser

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from demo import accounts
from home.roles import ensure_roles


@pytest.fixture
def password_file(tmp_path, monkeypatch):
    path = tmp_path / ".admin-password"
    monkeypatch.setattr(accounts, "PASSWORD_FILE", path)
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    return path


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_one_demo_user_per_group_with_the_printed_password(password_file, django_user_model, home_page):
    ensure_roles()
    made = accounts.ensure_demo_users()
    password = password_file.read_text().strip()
    assert {group for _name, group in made} == {
        "Editors",
        "Reviewers",
        "Moderators",
        "Translators",
        "Engagement managers",
    }
    assert [name for name, group in made if group == "Editors"] == ["editor", "editor2"]
    for username, group in made:
        user = django_user_model.objects.get(username=username)
        assert user.check_password(password) and list(user.groups.values_list("name", flat=True)) == [group]
        assert not user.is_superuser
    accounts.ensure_demo_users()  # again: same users, same password
    assert django_user_model.objects.count() == len(made) and password_file.read_text().strip() == password


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_demo_accounts_are_refused_when_debug_is_off(password_file, django_user_model):
    with pytest.raises(accounts.NotForProduction):
        accounts.ensure_demo_users()
    with pytest.raises(CommandError, match="development only"):
        call_command("ensure_admin")
    assert not django_user_model.objects.exists()


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_admin_password_from_the_environment(password_file, monkeypatch, django_user_model, capsys):
    monkeypatch.setenv("ADMIN_PASSWORD", "chosen-by-me-42")
    call_command("ensure_admin")
    assert django_user_model.objects.get(username="admin").check_password("chosen-by-me-42")
    assert "chosen-by-me-42" in capsys.readouterr().out
    assert not password_file.exists()


def account_form_data(html):
    """What a browser sends from Wagtail's account settings page as it is."""
    parser = _FormFields()
    parser.feed(html)
    return parser.data


class _FormFields(HTMLParser):
    def __init__(self):
        super().__init__()
        self.data, self._select, self._textarea = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "file", "button"):
            checkable = attrs.get("type") in ("checkbox", "radio")
            if checkable and "checked" not in attrs:
                return
            self.data[name] = attrs.get("value", "on" if checkable else "")
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_every_demo_user_has_a_name_and_can_save_their_account_settings(
    password_file, client, django_user_model, home_page
):
    ensure_roles()
    accounts.ensure_demo_users()
    accounts.ensure_admin()
    for user in django_user_model.objects.all():
        assert user.first_name and user.last_name and user.first_name not in {"Editors", "Moderators", "Editor"}
        client.force_login(user)
        data = account_form_data(client.get("/admin/account/").content.decode())
        assert data["name_email-first_name"] == user.first_name
        data["name_email-last_name"] = f"{user.last_name}-Smith"
        response = client.post("/admin/account/", data)
        assert response.status_code == 302, (user.username, response.content.decode()[:2000])
        user.refresh_from_db()
        assert user.last_name.endswith("-Smith")
