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
    assert {group for _name, group in made} == {"Editors", "Moderators", "Translators", "Engagement managers"}
    for username, group in made:
        user = django_user_model.objects.get(username=username)
        assert user.check_password(password) and list(user.groups.values_list("name", flat=True)) == [group]
        assert not user.is_superuser
    accounts.ensure_demo_users()  # again: same users, same password
    assert django_user_model.objects.count() == 4 and password_file.read_text().strip() == password


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
