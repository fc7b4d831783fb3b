from django.urls import path

from alliances.web.views import account

app_name = "accounts"

urlpatterns = [
    path("", account.account, name="account"),
    path("jetons/", account.token_create, name="token_create"),
    path("jetons/<int:pk>/revoquer/", account.token_revoke, name="token_revoke"),
    path("donnees/", account.data_export_link, name="data_export_link"),
    path("donnees/<str:signed>/", account.data_export, name="data_export"),
    path("supprimer/", account.account_delete, name="delete"),
]
