import { IsString, Length } from 'class-validator';
import { UserView } from '../users/user.dto';

export class LoginDto {
  @IsString()
  @Length(1, 100)
  login: string;

  @IsString()
  @Length(1, 200)
  password: string;
}

export class LoginResult {
  accessToken: string;
  user: UserView;
}
